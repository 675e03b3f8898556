// The `plenum` command from source, for child-process tests: the same entry point as bin/plenum.js, without
// needing a build.
import { main } from '../../../../../src/cli/main';

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
  process.exit(1);
});
