/**
 * What papers say depends on the kind of group (Settings "Group type"): a council committee
 * meets in public and excludes the press and public by resolution under the Local Government Act
 * 1972, citing a Schedule 12A paragraph for each exempt item; a partnership board and an
 * informal group have no such statutory footing, and an informal group's meetings are not open
 * to the public. An officer's template can say any of it differently (these are also fields).
 */
export type GroupType = 'Council committee' | 'Partnership board' | 'Informal group';

export const GROUP_TYPES: readonly GroupType[] = [
  'Council committee',
  'Partnership board',
  'Informal group',
];

/** Schedule 12A, Part 1 (England): what each paragraph covers. */
export const SCHEDULE_12A: Readonly<Record<string, string>> = {
  '1': 'information relating to any individual',
  '2': 'information which is likely to reveal the identity of an individual',
  '3': 'information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  '4': 'information relating to any consultations or negotiations in connection with any labour relations matter',
  '5': 'information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  '6': 'information which reveals that the authority proposes to give a notice or to make an order or direction',
  '7': 'information relating to any action taken in connection with the prevention, investigation or prosecution of crime',
};

export function groupTypeOf(value: string): GroupType {
  return (GROUP_TYPES as readonly string[]).includes(value)
    ? (value as GroupType)
    : 'Informal group';
}

export interface Wording {
  readonly isCouncil: boolean;
  /** The line under the agenda's heading block in the public version. */
  readonly publicNote: string;
  /** The heading of the exempt part of an agenda. */
  readonly exemptHeading: string;
  /** The resolution moved before the exempt part (councils only, else ''). */
  readonly exclusionResolution: string;
}

export function wordingFor(type: GroupType): Wording {
  if (type === 'Council committee')
    return {
      isCouncil: true,
      publicNote:
        'Members of the public are welcome to attend the public part of this meeting. Papers marked "To follow" will be published when they are available.',
      exemptHeading: 'EXEMPT ITEMS: EXCLUSION OF THE PRESS AND PUBLIC',
      exclusionResolution:
        'To resolve that, under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following item(s) of business on the grounds that they involve the likely disclosure of exempt information as defined in the paragraph(s) of Part 1 of Schedule 12A to the Act shown against each item.',
    };
  if (type === 'Partnership board')
    return {
      isCouncil: false,
      publicNote:
        'Observers are welcome by arrangement with the clerk. Papers marked "To follow" will be circulated when they are available.',
      exemptHeading: 'CONFIDENTIAL ITEMS (NOT FOR PUBLICATION)',
      exclusionResolution: '',
    };
  return {
    isCouncil: false,
    publicNote:
      'This meeting is not open to the public. Its minutes are published once the chair has approved them.',
    exemptHeading: 'CONFIDENTIAL ITEMS (NOT FOR PUBLICATION)',
    exclusionResolution: '',
  };
}

/** "Exempt: paragraph 3 of Part 1 of Schedule 12A" for councils; '' otherwise or with no paragraph. */
export function exemptCitation(type: GroupType, paragraph: string | undefined): string {
  if (type !== 'Council committee' || !paragraph) return '';
  return `Exempt information: paragraph ${paragraph} of Part 1 of Schedule 12A to the Local Government Act 1972`;
}

/** What the public pack prints in place of an exempt item's paper. */
export function withheldText(type: GroupType, no: number, paragraph: string | undefined): string {
  if (type === 'Council committee')
    return `The report for item ${no} is not for publication: it contains exempt information as defined in ${paragraph ? `paragraph ${paragraph} (${SCHEDULE_12A[paragraph] ?? 'see the Act'}) of ` : ''}Part 1 of Schedule 12A to the Local Government Act 1972.`;
  return `The paper for item ${no} is confidential and is not published.`;
}
