export async function buildCommand(_args: string[]): Promise<number> {
  throw new Error('build: not implemented yet');
}
