/** `npm run capture -- <file> [--text]`: print the registration fields read from a PDF, DOCX or text file, as JSON. */
import { runCaptureCli } from '../modules/capture/cli.ts'

process.exitCode = await runCaptureCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
})
