import { Injectable } from '@nestjs/common';
import { DirectoryEntry, UserRepository } from '../repositories/user.repository';
import type { Counted } from '@eoffice/core';

/**
 * The directory (danh bạ, the Bình Định e-mail rules (2014) Điều 6): every active person with unit, position and e-mail,
 * searched by name, unit or position without regard to diacritics or case
 * (`nguyen van bang` finds `Nguyễn Văn Bằng`).
 */
@Injectable()
export class DirectorySearchService {
  constructor(private readonly users: UserRepository) {}

  search(q: string | undefined, page: number, pageSize: number): Promise<Counted<DirectoryEntry>> {
    return this.users.searchDirectory(q, (page - 1) * pageSize, pageSize);
  }
}
