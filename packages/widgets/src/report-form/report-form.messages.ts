import type { Lang } from '../shared/i18n.js';

export interface ReportFormMessages {
  heading: string;
  intro: string;
  required: string;
  category: string;
  categoryChoose: string;
  categoriesLoading: string;
  categoriesFailed: string;
  retry: string;
  title: string;
  titleHint: string;
  description: string;
  descriptionHint: string;
  location: string;
  locationHint: string;
  map: string;
  mapKeyboardHint: string;
  pinHere: string;
  zoomIn: string;
  zoomOut: string;
  useMyPosition: string;
  locating: string;
  positionFailed: string;
  pinnedAt: (lat: string, lng: string) => string;
  noPin: string;
  clearPin: string;
  ward: string;
  address: string;
  addressHint: string;
  media: string;
  mediaHint: string;
  mediaAdd: string;
  mediaRemove: (name: string) => string;
  uploading: (percent: number) => string;
  uploaded: string;
  uploadWaiting: string;
  uploadFailed: string;
  uploadRefused: Record<string, string>;
  phone: string;
  phoneHint: string;
  fullName: string;
  fullNameHint: string;
  email: string;
  emailHint: string;
  consent: string;
  submit: string;
  submitting: string;
  offlineQueued: string;
  offlineNow: string;
  sendFailed: (requestId: string | null) => string;
  sendRetry: string;
  errorsSummary: (count: number) => string;
  errors: {
    title: string;
    description: string;
    location: string;
    phone: string;
    email: string;
    consent: string;
    category: string;
    server: string;
  };
  doneHeading: string;
  doneIntro: string;
  trackingCode: string;
  secret: string;
  secretHint: string;
  copy: string;
  copied: string;
  readOut: string;
  another: string;
  optional: string;
  nearbyLoading: string;
  nearbyHeading: string;
  nearbyIntro: string;
  nearbyDistance: (meters: number) => string;
  peopleAffected: (people: number) => string;
  meToo: string;
  meTooFor: (code: string, title: string) => string;
  supportSending: string;
  supported: (code: string, people: number) => string;
  alreadySupported: (code: string) => string;
  supportFailed: string;
  supportContactHint: string;
  submitOwnHint: string;
}

const vi: ReportFormMessages = {
  heading: 'Gửi phản ánh',
  intro: 'Phản ánh của bạn được chuyển đến cơ quan có thẩm quyền xử lý. Thông tin liên hệ của bạn được giữ kín.',
  required: 'bắt buộc',
  category: 'Lĩnh vực',
  categoryChoose: 'Chọn lĩnh vực (không bắt buộc)',
  categoriesLoading: 'Đang tải danh sách lĩnh vực…',
  categoriesFailed: 'Không tải được danh sách lĩnh vực. Bạn vẫn có thể gửi phản ánh.',
  retry: 'Thử lại',
  title: 'Tiêu đề',
  titleHint: 'Ngắn gọn, ví dụ: Ổ gà trên đường Hùng Vương',
  description: 'Nội dung phản ánh',
  descriptionHint: 'Mô tả sự việc, thời gian, mức độ ảnh hưởng.',
  location: 'Vị trí',
  locationHint: 'Chạm vào bản đồ để ghim vị trí, dùng vị trí hiện tại, hoặc nhập địa chỉ bên dưới.',
  map: 'Bản đồ chọn vị trí',
  mapKeyboardHint: 'Dùng phím mũi tên để di chuyển bản đồ, rồi bấm “Ghim tại tâm bản đồ”.',
  pinHere: 'Ghim tại tâm bản đồ',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  useMyPosition: 'Dùng vị trí của tôi',
  locating: 'Đang xác định vị trí…',
  positionFailed: 'Không lấy được vị trí của bạn. Hãy chạm vào bản đồ hoặc nhập địa chỉ.',
  pinnedAt: (lat, lng) => `Đã ghim: vĩ độ ${lat}, kinh độ ${lng}`,
  noPin: 'Chưa ghim vị trí trên bản đồ.',
  clearPin: 'Bỏ ghim',
  ward: 'Phường/xã',
  address: 'Địa chỉ',
  addressHint: 'Số nhà, tên đường, thôn/tổ dân phố.',
  media: 'Hình ảnh, video',
  mediaHint: 'Tối đa 10 tệp. Ảnh đến 15 MB, video đến 100 MB.',
  mediaAdd: 'Thêm ảnh hoặc video',
  mediaRemove: (name) => `Xóa ${name}`,
  uploading: (p) => `Đang tải lên ${p}%`,
  uploaded: 'Đã tải lên',
  uploadWaiting: 'Chờ có mạng để tải lên',
  uploadFailed: 'Tải lên thất bại, sẽ thử lại khi gửi',
  uploadRefused: {
    UNSUPPORTED_TYPE: 'Định dạng tệp không được hỗ trợ',
    TOO_LARGE: 'Tệp quá lớn',
    EMPTY: 'Tệp rỗng',
    RATE_LIMITED: 'Bạn gửi quá nhiều tệp, vui lòng thử lại sau',
    default: 'Không tải lên được tệp này',
  },
  phone: 'Số điện thoại',
  phoneHint: 'Để cơ quan xử lý liên hệ khi cần. Không công khai.',
  fullName: 'Họ và tên',
  fullNameHint: 'Không công khai.',
  email: 'Thư điện tử',
  emailHint: 'Để nhận thông báo khi phản ánh được phân loại, giao xử lý, trả lời và kết thúc. Không công khai.',
  consent: 'Tôi cam kết thông tin phản ánh là đúng sự thật và đồng ý để cơ quan nhà nước dùng thông tin liên hệ của tôi cho việc xử lý phản ánh.',
  submit: 'Gửi phản ánh',
  submitting: 'Đang gửi…',
  offlineQueued: 'Bạn đang ngoại tuyến. Phản ánh đã được lưu và sẽ tự động gửi khi có mạng trở lại. Đừng đóng trang này.',
  offlineNow: 'Bạn đang ngoại tuyến.',
  sendFailed: (id) => `Chưa gửi được phản ánh. Bấm “Gửi lại” để thử lại — phản ánh sẽ không bị gửi trùng.${id ? ` (Mã yêu cầu: ${id})` : ''}`,
  sendRetry: 'Gửi lại',
  errorsSummary: (n) => `Vui lòng sửa ${n} mục chưa hợp lệ.`,
  errors: {
    title: 'Vui lòng nhập tiêu đề từ 5 đến 200 ký tự.',
    description: 'Vui lòng nhập nội dung từ 10 đến 5.000 ký tự.',
    location: 'Vui lòng ghim vị trí trên bản đồ hoặc nhập địa chỉ.',
    phone: 'Số điện thoại chưa đúng. Ví dụ: 0912 345 678.',
    email: 'Địa chỉ thư điện tử chưa đúng. Ví dụ: ten@example.com.',
    consent: 'Vui lòng xác nhận cam kết để gửi phản ánh.',
    category: 'Lĩnh vực không hợp lệ. Vui lòng chọn lại.',
    server: 'Thông tin chưa hợp lệ.',
  },
  doneHeading: 'Đã gửi phản ánh',
  doneIntro: 'Hãy lưu mã phản ánh và mã bí mật để theo dõi và đánh giá kết quả xử lý.',
  trackingCode: 'Mã phản ánh',
  secret: 'Mã bí mật',
  secretHint: 'Giữ kín mã bí mật: ai có mã này có thể xem chi tiết và đánh giá phản ánh của bạn.',
  copy: 'Sao chép',
  copied: 'Đã sao chép',
  readOut: 'Đọc theo nhóm',
  another: 'Gửi phản ánh khác',
  optional: 'không bắt buộc',
  nearbyLoading: 'Đang tìm phản ánh tương tự ở gần…',
  nearbyHeading: 'Phản ánh tương tự ở gần',
  nearbyIntro: 'Vấn đề của bạn có thể đã được phản ánh. Bạn có thể cùng phản ánh thay vì gửi trùng; số người cùng phản ánh giúp xử lý sớm hơn.',
  nearbyDistance: (meters) => `cách ${meters} m`,
  peopleAffected: (people) => `${people} người cùng phản ánh`,
  meToo: 'Tôi cũng gặp vấn đề này',
  meTooFor: (code, title) => `Tôi cũng gặp vấn đề này: ${code} ${title}`,
  supportSending: 'Đang gửi…',
  supported: (code, people) => `Cảm ơn bạn. Đã ghi nhận bạn cùng phản ánh ${code}: ${people} người cùng phản ánh.`,
  alreadySupported: (code) => `Bạn đã cùng phản ánh ${code} trước đây.`,
  supportFailed: 'Chưa ghi nhận được. Vui lòng thử lại.',
  supportContactHint: 'Nếu bạn đã nhập số điện thoại hoặc thư điện tử và đánh dấu đồng ý bên dưới, chúng tôi báo cho bạn tiến độ xử lý.',
  submitOwnHint: 'Nếu không phải cùng vấn đề, hãy tiếp tục điền và gửi phản ánh của bạn.',
};

const en: ReportFormMessages = {
  heading: 'Report a problem',
  intro: 'Your report goes to the authority in charge. Your contact details are kept private.',
  required: 'required',
  category: 'Topic',
  categoryChoose: 'Choose a topic (optional)',
  categoriesLoading: 'Loading topics…',
  categoriesFailed: 'The topics could not be loaded. You can still send your report.',
  retry: 'Try again',
  title: 'Title',
  titleHint: 'Short, for example: Pothole on Hung Vuong street',
  description: 'What happened',
  descriptionHint: 'Describe the problem, when it started and who it affects.',
  location: 'Location',
  locationHint: 'Tap the map to drop a pin, use your position, or type the address below.',
  map: 'Map to choose the location',
  mapKeyboardHint: 'Use the arrow keys to move the map, then press “Pin the map centre”.',
  pinHere: 'Pin the map centre',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  useMyPosition: 'Use my position',
  locating: 'Finding your position…',
  positionFailed: 'Your position is not available. Tap the map or type the address.',
  pinnedAt: (lat, lng) => `Pinned: latitude ${lat}, longitude ${lng}`,
  noPin: 'No pin on the map yet.',
  clearPin: 'Remove pin',
  ward: 'Ward/commune',
  address: 'Address',
  addressHint: 'House number, street, hamlet.',
  media: 'Photos and videos',
  mediaHint: 'Up to 10 files. Photos up to 15 MB, videos up to 100 MB.',
  mediaAdd: 'Add photos or videos',
  mediaRemove: (name) => `Remove ${name}`,
  uploading: (p) => `Uploading ${p}%`,
  uploaded: 'Uploaded',
  uploadWaiting: 'Waiting for a connection to upload',
  uploadFailed: 'Upload failed; it will be retried when you send',
  uploadRefused: {
    UNSUPPORTED_TYPE: 'This file type is not supported',
    TOO_LARGE: 'The file is too large',
    EMPTY: 'The file is empty',
    RATE_LIMITED: 'Too many files; please try again later',
    default: 'This file could not be uploaded',
  },
  phone: 'Phone number',
  phoneHint: 'So the authority can reach you if needed. Never published.',
  fullName: 'Full name',
  fullNameHint: 'Never published.',
  email: 'E-mail',
  emailHint: 'To be told when your report is classified, assigned, answered and closed. Never published.',
  consent: 'I confirm this report is true and agree that the authorities use my contact details to handle it.',
  submit: 'Send report',
  submitting: 'Sending…',
  offlineQueued: 'You are offline. Your report is saved and will be sent as soon as you are back online. Keep this page open.',
  offlineNow: 'You are offline.',
  sendFailed: (id) => `The report was not sent. Press “Send again” to retry — it will not be filed twice.${id ? ` (Request id: ${id})` : ''}`,
  sendRetry: 'Send again',
  errorsSummary: (n) => `Please correct ${n} ${n === 1 ? 'field' : 'fields'}.`,
  errors: {
    title: 'Please enter a title of 5 to 200 characters.',
    description: 'Please describe the problem in 10 to 5,000 characters.',
    location: 'Please pin the location on the map or type the address.',
    phone: 'This is not a valid Vietnamese phone number. Example: 0912 345 678.',
    email: 'This is not a valid e-mail address. Example: name@example.com.',
    consent: 'Please confirm to send the report.',
    category: 'This topic is not valid. Please choose again.',
    server: 'This is not valid.',
  },
  doneHeading: 'Report sent',
  doneIntro: 'Keep the tracking code and the secret to follow your report and rate the answer.',
  trackingCode: 'Tracking code',
  secret: 'Secret',
  secretHint: 'Keep the secret private: anyone who has it can see the details of your report and rate it.',
  copy: 'Copy',
  copied: 'Copied',
  readOut: 'Read in groups',
  another: 'Send another report',
  optional: 'optional',
  nearbyLoading: 'Looking for similar reports nearby…',
  nearbyHeading: 'Similar reports nearby',
  nearbyIntro: 'Your problem may already be reported. You can join a report instead of sending the same one again; the number of people affected helps it get handled sooner.',
  nearbyDistance: (meters) => `${meters} m away`,
  peopleAffected: (people) => `${people} people affected`,
  meToo: 'Me too',
  meTooFor: (code, title) => `Me too: ${code} ${title}`,
  supportSending: 'Sending…',
  supported: (code, people) => `Thank you. You now support ${code}: ${people} people affected.`,
  alreadySupported: (code) => `You already support ${code}.`,
  supportFailed: 'Could not record it. Please try again.',
  supportContactHint: 'If you gave a phone number or e-mail and ticked the consent below, we tell you how it progresses.',
  submitOwnHint: 'If it is not the same problem, go on and send your own report.',
};

/** The built-in tables, Vietnamese first. */
export const REPORT_FORM_MESSAGES: Readonly<Record<Lang, ReportFormMessages>> = { vi, en };
