export async function schemaCommand(_args: string[]): Promise<number> {
  throw new Error('schema: not implemented yet');
}
