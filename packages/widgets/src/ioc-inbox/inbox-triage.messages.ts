import type { Lang } from '../shared/i18n.js';

/** The inbox's wording for the triage help: suggestions, people affected, possible duplicates and merging. */
export interface TriageMessages {
  suggested: string;
  /** "82 %" as read in the language. */
  confidence: (share: number) => string;
  suggestionLabel: (category: string, unit: string | null, share: number) => string;
  suggestions: string;
  suggestionsHint: string;
  noSuggestion: string;
  acceptSuggestion: string;
  acceptThis: (category: string, unit: string | null) => string;
  noSuggestionFor: (n: number) => string;
  accepted: (code: string, category: string, unit: string | null) => string;
  /** People affected: the reporter and its supporters. */
  affected: (people: number) => string;
  duplicates: string;
  duplicatesHint: string;
  duplicatesLoading: string;
  duplicatesNone: string;
  duplicatesFailed: string;
  thisReport: string;
  candidate: string;
  similarity: (share: number) => string;
  distance: (meters: number | null) => string;
  mergeInto: (laterCode: string, originalCode: string) => string;
  mergeTitle: string;
  mergeExplain: (laterCode: string, originalCode: string) => string;
  mergeReason: string;
  mergeReasonHint: string;
  merge: string;
  merged: (laterCode: string, originalCode: string, people: number) => string;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

const vi: TriageMessages = {
  suggested: 'Gợi ý',
  confidence: (share) => `độ tin cậy ${percent(share)}`,
  suggestionLabel: (category, unit, share) => `Gợi ý: ${category}${unit ? ` → ${unit}` : ''} (độ tin cậy ${percent(share)})`,
  suggestions: 'Gợi ý phân loại',
  suggestionsHint: 'Theo các phản ánh tương tự đã phân loại của địa phương; độ tin cậy là tỉ lệ phiếu, không phải xác suất.',
  noSuggestion: 'Chưa có gợi ý cho phản ánh này.',
  acceptSuggestion: 'Nhận gợi ý',
  acceptThis: (category, unit) => `Nhận: ${category}${unit ? ` → ${unit}` : ''}`,
  noSuggestionFor: (n) => `${n} phản ánh không có gợi ý ở bước này.`,
  accepted: (code, category, unit) => `${code}: đã phân loại ${category}${unit ? ` và chuyển ${unit}` : ''}.`,
  affected: (people) => `${people} người cùng phản ánh`,
  duplicates: 'Có thể trùng',
  duplicatesHint: 'Phản ánh đang mở gần về nơi chốn và thời gian, nội dung tương tự.',
  duplicatesLoading: 'Đang tìm phản ánh trùng…',
  duplicatesNone: 'Không thấy phản ánh nào có thể trùng.',
  duplicatesFailed: 'Không tìm được phản ánh trùng.',
  thisReport: 'Phản ánh đang xem',
  candidate: 'Có thể trùng',
  similarity: (share) => `giống ${percent(share)}`,
  distance: (meters) => (meters === null ? 'cùng phường/xã' : `cách ${meters} m`),
  mergeInto: (later, original) => `Gộp ${later} vào ${original}`,
  mergeTitle: 'Gộp phản ánh trùng',
  mergeExplain: (later, original) =>
    `${later} sẽ được đóng là trùng với ${original}; người gửi ${later} trở thành người cùng phản ánh ${original} và được báo tiến độ.`,
  mergeReason: 'Lời nhắn cho người gửi (không bắt buộc)',
  mergeReasonHint: 'Để trống: hệ thống báo mã phản ánh gốc.',
  merge: 'Gộp',
  merged: (later, original, people) => `Đã gộp ${later} vào ${original}: ${people} người cùng phản ánh.`,
};

const en: TriageMessages = {
  suggested: 'Suggested',
  confidence: (share) => `confidence ${percent(share)}`,
  suggestionLabel: (category, unit, share) => `Suggested: ${category}${unit ? ` → ${unit}` : ''} (confidence ${percent(share)})`,
  suggestions: 'Suggested classification',
  suggestionsHint: "From similar reports this province classified; confidence is a share of the votes, not a probability.",
  noSuggestion: 'No suggestion for this report yet.',
  acceptSuggestion: 'Accept suggestion',
  acceptThis: (category, unit) => `Accept: ${category}${unit ? ` → ${unit}` : ''}`,
  noSuggestionFor: (n) => `${n} report(s) have no suggestion at this step.`,
  accepted: (code, category, unit) => `${code}: classified as ${category}${unit ? ` and assigned to ${unit}` : ''}.`,
  affected: (people) => `${people} people affected`,
  duplicates: 'Possible duplicates',
  duplicatesHint: 'Open reports near in place and time with a similar text.',
  duplicatesLoading: 'Looking for duplicates…',
  duplicatesNone: 'No possible duplicates found.',
  duplicatesFailed: 'Could not look for duplicates.',
  thisReport: 'Open report',
  candidate: 'Possible duplicate',
  similarity: (share) => `${percent(share)} alike`,
  distance: (meters) => (meters === null ? 'same ward' : `${meters} m away`),
  mergeInto: (later, original) => `Merge ${later} into ${original}`,
  mergeTitle: 'Merge a duplicate',
  mergeExplain: (later, original) =>
    `${later} will be closed as a duplicate of ${original}; its reporter becomes a supporter of ${original} and is kept informed.`,
  mergeReason: 'Note to the reporter (optional)',
  mergeReasonHint: "Empty: the original's code is given.",
  merge: 'Merge',
  merged: (later, original, people) => `Merged ${later} into ${original}: ${people} people affected.`,
};

export const TRIAGE_MESSAGES: Readonly<Record<Lang, TriageMessages>> = { vi, en };
