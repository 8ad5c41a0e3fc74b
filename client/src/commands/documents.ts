import * as vscode from 'vscode';

/** Opens generated Markdown as an untitled document, rendered in the Markdown preview. */
export async function showMarkdown(markdown: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  try {
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
  } catch {
    // Without the built-in Markdown extension, the source is readable too.
    await vscode.window.showTextDocument(document, { preview: true });
  }
  return document;
}

/** Opens text as an untitled document of a language, or plain text when VS Code does not know the language. */
export async function showUntitled(content: string, language: string): Promise<vscode.TextDocument> {
  const known = await vscode.languages.getLanguages();
  const document = await vscode.workspace.openTextDocument({ language: known.includes(language) ? language : 'plaintext', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
