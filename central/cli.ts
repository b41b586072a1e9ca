/**
 * `npm run central -- --port P` (CENTRAL_DATABASE_URL, CENTRAL_BLOB_DIR) starts the reference central server;
 * admin commands: `token --counter ID` prints a one-time enrolment token; `dossiers --json` prints
 * [{"id","code","procedureCode","state","files":[{"name","sha256","bytes"}]}].
 * PLACEHOLDER (skeleton): the central-server helper implements it.
 */
export async function main(_argv: string[]): Promise<void> {
  process.stderr.write('central: not implemented yet\n');
  process.exitCode = 1;
}
