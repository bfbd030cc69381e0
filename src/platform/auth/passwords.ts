// Password hashing: new hashes are argon2id; existing bcrypt hashes ($2a$/$2b$/$2y$, from passlib) still verify
// and are upgraded on the next successful login.
import argon2 from 'argon2';
import bcrypt from 'bcryptjs';

const BCRYPT = /^\$2[aby]\$\d{2}\$/;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    if (BCRYPT.test(hash)) {
      // bcryptjs, like passlib, uses only the first 72 UTF-8 bytes of the password.
      return await bcrypt.compare(password, hash.replace(/^\$2y\$/, '$2b$'));
    }
    if (hash.startsWith('$argon2')) return await argon2.verify(hash, password);
    return false;
  } catch {
    return false;
  }
}

/** True when the stored hash should be replaced by a fresh argon2id hash. */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}
