/**
 * Vietnamese wording of generated reports, by category code: what citizens
 * write and what units answer. Placeholders: {place} (street or hamlet with
 * its ward), {area} (ward and district), {unit} (the handling unit).
 */
export interface ReportCase {
  title: string;
  description: string;
  answer: string;
  /** Only for places in a town (a street address) or only in the countryside (a hamlet). Default: anywhere. */
  setting?: 'urban' | 'rural';
}

export const INFRASTRUCTURE_CASES: Readonly<Record<string, readonly ReportCase[]>> = {
  CONSTRUCTION: [
    { title: 'Xây dựng nhà ở không phép tại {place}',
      description: 'Khoảng hai tuần nay, một hộ dân ở {place} tự ý xây dựng nhà ở kiên cố nhưng không treo biển báo công trình, không có giấy phép xây dựng. Đề nghị chính quyền kiểm tra, xử lý theo quy định.',
      answer: '{unit} đã chỉ đạo tổ kiểm tra trật tự xây dựng kiểm tra hiện trường, lập biên bản vi phạm hành chính, yêu cầu chủ công trình dừng thi công và hoàn thiện hồ sơ xin cấp phép theo quy định. Đơn vị tiếp tục theo dõi việc chấp hành.' },
    { setting: 'urban', title: 'Cơi nới ban công lấn ra vỉa hè ở {place}',
      description: 'Công trình đang thi công tại {place} cơi nới ban công vượt quá chỉ giới xây dựng, đổ bê tông lấn ra phần vỉa hè. Người dân đã nhắc nhở nhưng chủ nhà vẫn thi công cả ngoài giờ hành chính.',
      answer: 'Qua kiểm tra, phần ban công xây dựng sai so với giấy phép được cấp. {unit} đã xử phạt vi phạm hành chính và buộc chủ công trình tự tháo dỡ phần sai phép; đến nay phần vi phạm đã được tháo dỡ.' },
    { title: 'Tập kết vật liệu xây dựng chiếm lòng đường tại {place}',
      description: 'Một công trình ở {place} tập kết cát, đá, gạch tràn ra lòng đường hơn một tuần, không có biển cảnh báo, rất nguy hiểm cho người đi xe máy vào ban đêm.',
      answer: '{unit} đã yêu cầu chủ đầu tư thu dọn vật liệu, bố trí biển cảnh báo và cam kết không tái phạm. Vật liệu đã được thu dọn, lòng đường thông thoáng.' },
  ],
  ENVIRONMENT: [
    { title: 'Rác thải tồn đọng nhiều ngày tại {place}',
      description: 'Tại {place} rác thải sinh hoạt bị đổ thành đống bên đường nhiều ngày không được thu gom, bốc mùi hôi thối, ruồi nhặng nhiều, ảnh hưởng đến sinh hoạt của các hộ dân xung quanh.',
      answer: '{unit} đã chỉ đạo đơn vị thu gom dọn sạch rác tồn đọng, bổ sung thùng rác và tăng tần suất thu gom tại khu vực; đồng thời tuyên truyền người dân bỏ rác đúng giờ, đúng nơi quy định.' },
    { title: 'Nước thải chảy tràn ra đường gây ô nhiễm ở {place}',
      description: 'Một cơ sở kinh doanh ở {place} xả nước thải trực tiếp ra rãnh thoát nước chung, nước tràn ra mặt đường, bốc mùi khó chịu, nhất là những ngày nắng nóng.',
      answer: '{unit} đã kiểm tra, lập biên bản và yêu cầu cơ sở xây dựng hệ thống thu gom, xử lý nước thải trước khi xả ra môi trường. Cơ sở đã khắc phục, khu vực không còn nước thải tràn ra đường.' },
    { title: 'Đốt rác, rơm rạ gây khói bụi tại {place}',
      description: 'Thường xuyên vào chiều tối, tại {place} có người đốt rác và rơm rạ gây khói mù, ảnh hưởng sức khỏe người dân và tầm nhìn của người tham gia giao thông.',
      answer: '{unit} đã giao chính quyền cơ sở nhắc nhở các hộ liên quan, tuyên truyền không đốt rác thải, rơm rạ ngoài trời; tổ dân phố sẽ giám sát thường xuyên.' },
  ],
  ROADS: [
    { title: 'Mặt đường hư hỏng, nhiều ổ gà tại {place}',
      description: 'Đoạn đường tại {place} xuất hiện nhiều ổ gà lớn, trời mưa đọng nước, đã có người đi xe máy bị ngã. Đề nghị cơ quan chức năng sớm sửa chữa.',
      answer: '{unit} đã giao đơn vị quản lý đường bộ vá ổ gà, xử lý cục bộ mặt đường hư hỏng. Đoạn đường đã được sửa chữa, bảo đảm an toàn giao thông.' },
    { title: 'Biển báo giao thông bị gãy đổ ở {place}',
      description: 'Biển báo nguy hiểm tại {place} bị gãy đổ sau trận mưa lớn, nằm sát mép đường, người đi đường không nhận biết được khúc cua phía trước.',
      answer: '{unit} đã cho lắp đặt lại biển báo theo đúng quy chuẩn và kiểm tra các biển báo khác trên tuyến.' },
    { title: 'Lề đường sạt lở, mất an toàn tại {place}',
      description: 'Phần lề đường tại {place} bị sạt lở, ăn sâu vào mặt đường khoảng nửa mét, không có rào chắn cảnh báo, rất nguy hiểm khi xe tránh nhau.',
      answer: '{unit} đã đặt rào chắn, biển cảnh báo tạm thời và bố trí kinh phí gia cố lề đường; công trình đã hoàn thành.' },
  ],
  URBAN_INFRA: [
    { title: 'Đèn chiếu sáng công cộng không hoạt động tại {place}',
      description: 'Hệ thống đèn chiếu sáng tại {place} bị hỏng gần một tháng, buổi tối đường tối om, người dân đi lại khó khăn và lo ngại mất an ninh trật tự.',
      answer: '{unit} đã chỉ đạo đơn vị quản lý chiếu sáng thay thế bóng đèn, sửa chữa tủ điện; hệ thống đèn đã hoạt động bình thường trở lại.' },
    { setting: 'urban', title: 'Hố ga mất nắp nguy hiểm ở {place}',
      description: 'Hố ga tại {place} bị mất nắp đậy, người dân phải tự cắm cành cây để cảnh báo. Khu vực gần trường học nên rất nguy hiểm cho học sinh.',
      answer: '{unit} đã lắp đặt nắp hố ga mới và kiểm tra, thay thế các nắp hố ga hư hỏng trên tuyến.' },
    { title: 'Cống thoát nước tắc gây ngập khi mưa tại {place}',
      description: 'Mỗi khi mưa lớn, đoạn đường ở {place} ngập sâu do cống thoát nước bị tắc, nước tràn vào nhà dân. Đề nghị nạo vét hệ thống thoát nước.',
      answer: '{unit} đã tổ chức nạo vét, khơi thông cống thoát nước trên tuyến; tình trạng ngập úng khi mưa đã được khắc phục.' },
    { setting: 'urban', title: 'Cây xanh có nguy cơ gãy đổ tại {place}',
      description: 'Cây xanh trên vỉa hè ở {place} nghiêng hẳn ra lòng đường, nhiều cành khô lớn, mùa mưa bão sắp đến có nguy cơ gãy đổ đè lên người và phương tiện.',
      answer: '{unit} đã cắt tỉa cành khô, chặt hạ cây có nguy cơ gãy đổ và sẽ trồng cây thay thế phù hợp.' },
  ],
  URBAN_ORDER: [
    { setting: 'urban', title: 'Lấn chiếm vỉa hè để kinh doanh tại {place}',
      description: 'Nhiều hộ kinh doanh ở {place} bày hàng hóa, bàn ghế chiếm hết vỉa hè, người đi bộ phải đi xuống lòng đường rất nguy hiểm.',
      answer: '{unit} đã chỉ đạo lực lượng trật tự đô thị ra quân nhắc nhở, lập biên bản các trường hợp vi phạm và yêu cầu cam kết không tái phạm.' },
    { title: 'Họp chợ tự phát gây ùn tắc ở {place}',
      description: 'Sáng sớm hằng ngày có chợ tự phát họp ngay trên lòng đường tại {place}, gây ùn tắc giao thông và xả rác bừa bãi.',
      answer: '{unit} đã giải tỏa điểm họp chợ tự phát, vận động tiểu thương vào chợ kinh doanh và giao tổ dân phố theo dõi thường xuyên.' },
    { setting: 'urban', title: 'Quảng cáo, rao vặt dán tràn lan tại {place}',
      description: 'Cột điện, tường rào ở {place} bị dán, sơn quảng cáo khoan cắt bê tông, cho vay tiền, làm mất mỹ quan đô thị.',
      answer: '{unit} đã tổ chức bóc gỡ, xóa các quảng cáo sai quy định và phối hợp công an xác minh, xử lý các số điện thoại quảng cáo.' },
  ],
  LAND: [
    { title: 'Lấn chiếm đất công tại {place}',
      description: 'Một hộ dân ở {place} dựng hàng rào, đổ đất lấn chiếm phần đất công cạnh mương thoát nước. Đề nghị chính quyền kiểm tra, xử lý.',
      answer: '{unit} đã đo đạc, xác định ranh giới, lập biên bản vi phạm và yêu cầu hộ dân tháo dỡ hàng rào, trả lại hiện trạng đất công.' },
    { setting: 'rural', title: 'San lấp đất nông nghiệp trái phép ở {place}',
      description: 'Xe tải chở đất san lấp ruộng lúa tại {place} trong nhiều đêm liền, nghi chuyển mục đích sử dụng đất trái phép.',
      answer: 'Qua kiểm tra, việc san lấp chưa được cơ quan có thẩm quyền cho phép. {unit} đã xử phạt vi phạm hành chính và buộc khôi phục tình trạng ban đầu của đất.' },
  ],
};

export const UTILITY_CASES: Readonly<Record<string, readonly ReportCase[]>> = {
  DISASTER: [
    { title: 'Cây đổ chắn ngang đường sau mưa bão tại {place}',
      description: 'Sau trận mưa lớn đêm qua, một cây lớn tại {place} bật gốc đổ chắn ngang đường, kéo theo dây điện, các phương tiện không thể lưu thông.',
      answer: '{unit} đã huy động lực lượng xung kích phối hợp điện lực cắt, dọn cây đổ, bảo đảm giao thông thông suốt và an toàn điện.' },
    { setting: 'rural', title: 'Sạt lở đất đe dọa nhà dân ở {place}',
      description: 'Mưa kéo dài làm taluy dương phía sau nhà dân ở {place} sạt lở, đất đá tràn sát tường nhà, nhiều hộ lo sợ không dám ở.',
      answer: '{unit} đã khảo sát hiện trường, di dời tạm thời các hộ trong vùng nguy hiểm, cắm biển cảnh báo và đề xuất phương án xử lý sạt lở.' },
  ],
  ELECTRICITY: [
    { title: 'Mất điện kéo dài tại {place}',
      description: 'Khu vực {place} bị mất điện từ chiều qua đến nay chưa có điện trở lại, không nhận được thông báo cắt điện, ảnh hưởng sinh hoạt và kinh doanh.',
      answer: '{unit} đã cử tổ xử lý sự cố thay thế thiết bị hư hỏng tại trạm biến áp; điện đã được cấp trở lại và đơn vị xin lỗi khách hàng vì sự bất tiện.' },
    { title: 'Dây điện võng thấp mất an toàn ở {place}',
      description: 'Dây điện hạ thế tại {place} võng thấp sát đầu người, xe tải đi qua dễ vướng, rất nguy hiểm khi trời mưa gió.',
      answer: '{unit} đã căng chỉnh lại đường dây, bổ sung cột trung gian, bảo đảm khoảng cách an toàn theo quy định.' },
  ],
  WATER: [
    { title: 'Mất nước sinh hoạt nhiều ngày tại {place}',
      description: 'Các hộ dân ở {place} bị mất nước sinh hoạt liên tục ba ngày nay, nước chỉ chảy yếu vào ban đêm, không có thông báo của đơn vị cấp nước.',
      answer: '{unit} đã khắc phục sự cố vỡ ống trên tuyến chính, nước đã được cấp ổn định; trong thời gian sự cố đơn vị đã bố trí xe chở nước hỗ trợ.' },
    { title: 'Nước máy đục, có mùi lạ ở {place}',
      description: 'Mấy ngày nay nước máy tại {place} có màu vàng đục và mùi lạ, người dân không dám dùng để nấu ăn.',
      answer: '{unit} đã súc xả đường ống, lấy mẫu nước kiểm nghiệm; kết quả đạt quy chuẩn nước sạch sinh hoạt. Đơn vị sẽ tăng cường súc xả định kỳ.' },
  ],
};
