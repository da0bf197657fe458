import { AppError } from '../../shared/errors.ts';

export type IngestErrorCode =
  | 'NOT_FOUND'
  | 'NOT_A_FILE'
  | 'READ_FAILED'
  | 'EMPTY_FILE'
  | 'UNKNOWN_FORMAT'
  | 'CORRUPT_GZIP'
  | 'DECOMPRESSION_LIMIT'
  | 'DISK_LIMIT'
  | 'PARSE_FAILED'
  | 'TOO_MANY_COLUMNS'
  | 'ALREADY_IMPORTED'
  | 'CANCELLED';

export class IngestError extends AppError {
  constructor(code: IngestErrorCode, message: string, where: { file?: string; line?: number } = {}) {
    super(code, message, where);
    this.name = 'IngestError';
  }
}
