export async function validateCommand(_args: string[]): Promise<number> {
  throw new Error('validate: not implemented yet');
}
