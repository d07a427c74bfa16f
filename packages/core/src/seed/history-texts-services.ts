import type { ReportCase } from './history-texts.js';

/** Wording for safety, services and conduct categories (see `history-texts.ts`). */
export const SERVICE_CASES: Readonly<Record<string, readonly ReportCase[]>> = {
  PUBLIC_ORDER: [
    { title: 'Tụ tập gây mất trật tự về đêm tại {place}',
      description: 'Nhiều đêm liền, một nhóm thanh niên tụ tập ở {place} uống rượu, la hét đến khuya, có lúc xảy ra xô xát, người dân xung quanh rất bức xúc.',
      answer: '{unit} đã chỉ đạo lực lượng tuần tra, kiểm soát giải tán nhóm tụ tập, mời các đối tượng lên làm việc, giáo dục và tăng cường tuần tra vào ban đêm tại khu vực.' },
    { title: 'Thanh thiếu niên đua xe, nẹt pô ở {place}',
      description: 'Tối thứ Bảy, Chủ nhật, tại {place} thường có nhóm thanh thiếu niên chạy xe tốc độ cao, nẹt pô, lạng lách gây nguy hiểm cho người đi đường.',
      answer: '{unit} đã bố trí tổ công tác chốt chặn, xử lý các trường hợp vi phạm và thông báo về gia đình, nhà trường để phối hợp giáo dục.' },
    { title: 'Karaoke gây ồn quá giờ quy định tại {place}',
      description: 'Một quán karaoke ở {place} hoạt động đến sau 12 giờ đêm, âm thanh lớn ảnh hưởng nghiêm trọng giấc ngủ của người già và trẻ nhỏ.',
      answer: '{unit} đã kiểm tra, lập biên bản cơ sở kinh doanh karaoke hoạt động quá giờ và gây tiếng ồn vượt quy chuẩn, xử phạt theo quy định.' },
  ],
  TRAFFIC_SAFETY: [
    { title: 'Xe tải chở vật liệu rơi vãi trên đường tại {place}',
      description: 'Xe tải chở cát, đất đi qua {place} không che chắn, làm rơi vãi xuống mặt đường, trời nắng bụi mù, trời mưa trơn trượt.',
      answer: '{unit} đã tổ chức kiểm tra, xử lý các phương tiện không che chắn, làm rơi vãi vật liệu và yêu cầu chủ phương tiện vệ sinh mặt đường.' },
    { title: 'Đề nghị lắp gờ giảm tốc tại {place}',
      description: 'Đoạn giao nhau ở {place} xe qua lại tốc độ cao, đã xảy ra nhiều vụ va chạm. Người dân đề nghị lắp gờ giảm tốc và biển cảnh báo.',
      answer: '{unit} đã khảo sát và lắp đặt gạch giảm tốc, biển cảnh báo giao lộ nguy hiểm; đồng thời tăng cường tuần tra, xử lý vi phạm tốc độ.' },
    { setting: 'urban', title: 'Đỗ xe sai quy định gây ùn tắc ở {place}',
      description: 'Giờ cao điểm, ô tô đỗ cả hai bên đường tại {place}, chỉ còn một làn hẹp, xe cộ ùn ứ kéo dài.',
      answer: '{unit} đã xử phạt các trường hợp dừng, đỗ xe sai quy định và phối hợp địa phương cắm biển cấm đỗ xe theo ngày chẵn, lẻ.' },
  ],
  FOOD_SAFETY: [
    { title: 'Cơ sở sản xuất thực phẩm mất vệ sinh tại {place}',
      description: 'Một cơ sở làm bún, bánh ướt ở {place} sản xuất trong điều kiện mất vệ sinh, nước thải và rác ứ đọng ngay khu chế biến.',
      answer: '{unit} đã phối hợp đoàn kiểm tra liên ngành kiểm tra cơ sở, lấy mẫu kiểm nghiệm, xử phạt vi phạm điều kiện bảo đảm an toàn thực phẩm và yêu cầu khắc phục.' },
    { title: 'Bán thực phẩm không rõ nguồn gốc ở {place}',
      description: 'Tại {place} có điểm bán thịt, nội tạng động vật đông lạnh không nhãn mác, không có giấy kiểm dịch, giá rẻ bất thường.',
      answer: '{unit} đã kiểm tra, tạm giữ và tiêu hủy hàng hóa không rõ nguồn gốc, xử phạt hộ kinh doanh theo quy định.' },
    { title: 'Quán ăn trước cổng trường không bảo đảm vệ sinh tại {place}',
      description: 'Các quán ăn vặt trước cổng trường ở {place} bày bán thực phẩm không che đậy, dùng phẩm màu bất thường, học sinh mua ăn rất nhiều.',
      answer: '{unit} đã kiểm tra, nhắc nhở và xử lý các hộ kinh doanh vi phạm, phối hợp nhà trường tuyên truyền an toàn thực phẩm cho học sinh.' },
  ],
  PUBLIC_SERVICES: [
    { title: 'Hồ sơ trễ hẹn tại Bộ phận Một cửa',
      description: 'Tôi nộp hồ sơ tại Bộ phận Một cửa ({area}), giấy hẹn đã quá năm ngày nhưng chưa nhận được kết quả, không được thông báo lý do.',
      answer: '{unit} đã kiểm tra, hồ sơ chậm do phải lấy ý kiến cơ quan liên quan; đơn vị đã trả kết quả, gửi văn bản xin lỗi và nhắc nhở bộ phận liên quan.' },
    { title: 'Cổng dịch vụ công báo lỗi khi nộp hồ sơ trực tuyến',
      description: 'Khi nộp hồ sơ trực tuyến trên Cổng dịch vụ công, hệ thống liên tục báo lỗi ở bước tải tệp đính kèm, tôi đã thử nhiều lần trong ba ngày.',
      answer: '{unit} đã phối hợp đơn vị kỹ thuật khắc phục lỗi tải tệp trên hệ thống và hướng dẫn người dân nộp lại hồ sơ thành công.' },
    { title: 'Sóng điện thoại, internet yếu tại {place}',
      description: 'Khu vực {place} sóng di động rất yếu, thường xuyên mất kết nối internet, ảnh hưởng việc học trực tuyến của học sinh.',
      answer: '{unit} đã đo kiểm chất lượng sóng, điều chỉnh trạm phát sóng gần nhất và đưa vị trí này vào kế hoạch lắp đặt trạm mới.' },
  ],
  MISCONDUCT: [
    { title: 'Công chức yêu cầu bổ sung giấy tờ không có trong quy định',
      description: 'Khi làm thủ tục tại {area}, công chức tiếp nhận yêu cầu tôi bổ sung nhiều giấy tờ không có trong danh mục thành phần hồ sơ niêm yết, phải đi lại nhiều lần.',
      answer: 'Qua xác minh, nội dung phản ánh là đúng. {unit} đã chỉ đạo kiểm điểm trách nhiệm công chức liên quan và chấn chỉnh việc tiếp nhận hồ sơ đúng quy định.' },
    { title: 'Thái độ thiếu tôn trọng người dân khi giải quyết thủ tục',
      description: 'Tôi đến làm thủ tục chứng thực tại {area}, cán bộ tiếp nhận có thái độ cáu gắt, không hướng dẫn mà yêu cầu tôi tự tìm hiểu.',
      answer: '{unit} đã làm việc với cán bộ liên quan, yêu cầu viết bản tường trình, nhắc nhở nghiêm túc và đưa vào đánh giá, xếp loại cuối năm.' },
  ],
  HEALTH: [
    { title: 'Thời gian chờ khám bệnh quá lâu',
      description: 'Tôi đưa con đi khám tại cơ sở y tế ở {area}, phải chờ từ 7 giờ đến gần 11 giờ mới được khám, khu chờ chật chội, thiếu ghế ngồi.',
      answer: '{unit} đã bố trí thêm bàn khám vào giờ cao điểm, triển khai đặt lịch khám qua điện thoại và bổ sung ghế chờ.' },
    { title: 'Phun thuốc phòng sốt xuất huyết chưa đến {place}',
      description: 'Khu vực {place} có nhiều người mắc sốt xuất huyết nhưng chưa được phun hóa chất diệt muỗi, đề nghị ngành y tế xử lý ổ dịch.',
      answer: '{unit} đã phối hợp trạm y tế khoanh vùng, phun hóa chất diệt muỗi và tổ chức chiến dịch diệt lăng quăng tại khu vực.' },
  ],
  EDUCATION: [
    { title: 'Thu các khoản ngoài quy định đầu năm học',
      description: 'Một trường ở {area} thu nhiều khoản đóng góp đầu năm ngoài quy định, phụ huynh không được họp bàn trước.',
      answer: '{unit} đã kiểm tra, yêu cầu nhà trường dừng thu và hoàn trả các khoản thu chưa đúng quy định, công khai các khoản thu trước phụ huynh.' },
    { title: 'Phòng học xuống cấp tại điểm trường ở {place}',
      description: 'Phòng học tại điểm trường ở {place} bị thấm dột, tường nứt, trời mưa học sinh phải dồn bàn ghế để tránh nước.',
      answer: '{unit} đã bố trí kinh phí sửa chữa mái, chống thấm phòng học; trong thời gian sửa chữa học sinh được chuyển sang phòng học khác.' },
  ],
  TOURISM: [
    { title: 'Chèo kéo, ép giá du khách tại {place}',
      description: 'Tại {place} có tình trạng chèo kéo du khách mua hàng, đi thuyền với giá cao hơn niêm yết, ảnh hưởng hình ảnh du lịch địa phương.',
      answer: '{unit} đã phối hợp lực lượng chức năng kiểm tra, xử lý các trường hợp chèo kéo, yêu cầu niêm yết giá và ký cam kết.' },
    { title: 'Nhà vệ sinh công cộng tại điểm du lịch xuống cấp ở {place}',
      description: 'Nhà vệ sinh công cộng tại điểm tham quan ở {place} hư hỏng, thiếu nước, rất mất vệ sinh trong mùa cao điểm du lịch.',
      answer: '{unit} đã sửa chữa, bố trí nhân viên dọn vệ sinh thường xuyên và bổ sung biển chỉ dẫn.' },
  ],
  SOCIAL_MEDIA: [
    { title: 'Thông tin sai sự thật lan truyền trên mạng xã hội',
      description: 'Một tài khoản Facebook đăng tin về sự việc tại {area} với nội dung sai sự thật, gây hoang mang trong nhân dân.',
      answer: '{unit} đã xác minh, phối hợp công an mời chủ tài khoản làm việc; người đăng tin đã gỡ bài, đính chính và bị xử phạt theo quy định.' },
    { title: 'Trang mạng xã hội giả mạo cơ quan nhà nước',
      description: 'Có trang Facebook lấy tên và hình ảnh cơ quan nhà nước ở {area} để đăng tin tuyển dụng, thu tiền của người dân.',
      answer: '{unit} đã báo cáo nền tảng gỡ trang giả mạo và thông báo rộng rãi để người dân cảnh giác.' },
  ],
};

/** Why a unit sends a report back to the IOC. */
export const RETURN_REASONS = [
  'Nội dung phản ánh không thuộc thẩm quyền giải quyết của đơn vị, đề nghị chuyển đơn vị có thẩm quyền.',
  'Vị trí phản ánh thuộc địa bàn quản lý của đơn vị khác.',
  'Nội dung liên quan nhiều ngành, đề nghị Trung tâm IOC chuyển cơ quan chủ trì.',
] as const;

/** Why a unit's leader extends the deadline. */
export const EXTEND_REASONS = [
  'Cần phối hợp nhiều cơ quan kiểm tra hiện trường.',
  'Phải chờ kết quả kiểm nghiệm mẫu.',
  'Thời tiết mưa kéo dài, chưa thể thi công khắc phục.',
  'Đang xác minh nguồn gốc, hồ sơ liên quan.',
] as const;

/** What a unit asks the citizen, and what the citizen answers. */
export const INFO_EXCHANGES = [
  ['Đề nghị người phản ánh cung cấp vị trí cụ thể (số nhà, tên kiệt/hẻm).', 'Vị trí ở gần ngã ba, đối diện cửa hàng tạp hóa, tôi gửi thêm ảnh.'],
  ['Đề nghị cung cấp thêm hình ảnh, thời gian xảy ra sự việc.', 'Tôi gửi bổ sung hai ảnh chụp chiều hôm qua.'],
  ['Đề nghị cho biết số giấy hẹn trả kết quả để tra cứu.', 'Tôi đã gửi ảnh chụp giấy hẹn.'],
] as const;

/** Why the IOC turns a report away. */
export const REJECTIONS = [
  ['DUPLICATE', 'Trùng nội dung với phản ánh đã tiếp nhận và đang xử lý.'],
  ['OUT_OF_SCOPE', 'Nội dung là tranh chấp dân sự, không thuộc phạm vi phản ánh hiện trường; đã hướng dẫn người dân liên hệ cơ quan có thẩm quyền.'],
  ['SPAM', 'Nội dung không rõ ràng, không có thông tin để xác minh.'],
] as const;
