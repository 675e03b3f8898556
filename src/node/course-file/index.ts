/** The course-file layer's public surface: everything else in this folder is an implementation detail. */
export {
  CourseFileError,
  isCourseFileError,
  type CourseFileProblem,
  type DamageLocation,
} from './course-file-error';
export {
  CourseFileWriter,
  type CreateCourseFileOptions,
  type EntrySink,
  type EntrySource,
  type PublicCourseInfo,
  type WrittenCourseFile,
} from './course-file-writer';
export {
  openCourseBuffer,
  openCourseFile,
  unlockCourseFile,
  LockedCourseFile,
  UnlockedCourseFile,
  type ByteRange,
  type VerifyProgress,
} from './course-file-reader';
export {
  addPassword,
  removePassword,
  summariseSlots,
  type RewriteOptions,
  type SlotSelector,
  type SlotSummary,
} from './passwords';
export { DEFAULT_SCRYPT_COST, SCRYPT_COST_ENV, scryptCostFromEnv, type ScryptCost } from './key-slots';
export { realDiskWrites, type DiskWrites } from './disk-writes';
export { isValidEntryName, type CourseFileHeader, type IndexEntry } from './format';
