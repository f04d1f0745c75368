// The digests a bag's manifests carry. BagIt names an algorithm by its lower-case name without
// hyphens (`sha256`); these are the ones this tool writes and the ones it can check.
import { createHash } from 'node:crypto';

/** What bags are written with: every payload and tag file has a line in a manifest of each. */
export const BAG_ALGORITHMS = ['sha256', 'sha512'] as const;
export type BagAlgorithm = (typeof BAG_ALGORITHMS)[number];

/** What verify-bag can check; a manifest of any other algorithm is reported and left unchecked. */
export const CHECKABLE_ALGORITHMS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export type CheckableAlgorithm = (typeof CHECKABLE_ALGORITHMS)[number];

/** Hex digits in a digest of each algorithm. */
export const DIGEST_LENGTH: Readonly<Record<CheckableAlgorithm, number>> = { md5: 32, sha1: 40, sha224: 56, sha256: 64, sha384: 96, sha512: 128 };

export function isCheckable(algorithm: string): algorithm is CheckableAlgorithm {
  return (CHECKABLE_ALGORITHMS as readonly string[]).includes(algorithm);
}

/** The lower-case hex digest of `bytes`. */
export function digest(algorithm: CheckableAlgorithm, bytes: Uint8Array): string {
  return createHash(algorithm).update(bytes).digest('hex');
}
