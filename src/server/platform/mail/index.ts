/** E-mail: the Mailer port over SMTP. */
export {
  createMailer,
  MailError,
  MAIL_ERROR_CODES,
  type MailAttachment,
  type MailErrorCode,
  type Mailer,
  type MailMessage,
  type SentMail,
} from './mailer.ts'
