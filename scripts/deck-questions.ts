// Placeholder until the questions engineer replaces it: `npm run deck -- questions …`.
export async function questionsCommand(_args: string[]): Promise<number> {
  process.stderr.write('not implemented yet\n')
  return 2
}
