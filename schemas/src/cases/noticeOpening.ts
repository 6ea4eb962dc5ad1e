import { chineseDate } from '../calendar/chineseDate';

/** Whom a notice is addressed to and which application it answers: what every notice's body opens with. */
export interface NoticeAddressee {
  applicantName: string;
  matterName: string;
  caseNumber: string;
  /** The civil day the centre received the application. */
  receivedOn: string;
}

/**
 * The addressee on its own line, then the application the notice answers; the notice's own words
 * follow the last character. Sheets print the text before the line break as the 主送 line.
 */
export const noticeOpening = ({ applicantName, matterName, caseNumber, receivedOn }: NoticeAddressee): string =>
  `${applicantName}：\n你（单位）于${chineseDate(receivedOn)}提出的${matterName}申请（办件编号 ${caseNumber}）`;
