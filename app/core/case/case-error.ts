import { AppError } from '../../shared/errors.ts';

export class CaseError extends AppError {}
