/**
 * Vocabulary for generated documents: issuing organs (with parent bodies, military and police
 * ones), subjects, addressees, recipients, names. Written for the benchmark, in the style of
 * the documents the committee receives; no real document is copied.
 */
export type Profile = {
  parent?: string[]
  issuer: string[]
  /** Normal-case name as the register should hold it. */
  issuerName: string
  abbr: string
  places: string[]
  head: string
  deputy: string
  /** For TM. (on behalf of a collective). */
  collective?: string
  /** The authority line of a decision, e.g. "BỘ TRƯỞNG BỘ NGOẠI GIAO". */
  authority: string
  units: string[]
  ranks?: string[]
}

export const PROFILES: Profile[] = [
  { issuer: ['BỘ NÔNG NGHIỆP VÀ', 'MÔI TRƯỜNG'], issuerName: 'Bộ Nông nghiệp và Môi trường', abbr: 'BNNMT', places: ['Hà Nội'], head: 'BỘ TRƯỞNG', deputy: 'THỨ TRƯỞNG', authority: 'BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', units: ['TNN', 'KHTC', 'PC', 'VP'] },
  { parent: ['BỘ TÀI CHÍNH'], issuer: ['CỤC THUẾ'], issuerName: 'Cục Thuế', abbr: 'CT', places: ['Hà Nội'], head: 'CỤC TRƯỞNG', deputy: 'PHÓ CỤC TRƯỞNG', authority: 'CỤC TRƯỞNG CỤC THUẾ', units: ['TTHT', 'KK', 'VP'] },
  { issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH AN GIANG'], issuerName: 'Ủy ban nhân dân tỉnh An Giang', abbr: 'UBND', places: ['An Giang'], head: 'CHỦ TỊCH', deputy: 'PHÓ CHỦ TỊCH', collective: 'ỦY BAN NHÂN DÂN', authority: 'ỦY BAN NHÂN DÂN TỈNH AN GIANG', units: ['KT', 'VX', 'NC'] },
  { parent: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ CẦN THƠ'], issuer: ['SỞ NÔNG NGHIỆP VÀ', 'MÔI TRƯỜNG'], issuerName: 'Sở Nông nghiệp và Môi trường thành phố Cần Thơ', abbr: 'SNNMT', places: ['Cần Thơ'], head: 'GIÁM ĐỐC', deputy: 'PHÓ GIÁM ĐỐC', authority: 'GIÁM ĐỐC SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', units: ['TL', 'KHTC', 'VP'] },
  { parent: ['ỦY BAN SÔNG MÊ CÔNG', 'VIỆT NAM'], issuer: ['VĂN PHÒNG THƯỜNG TRỰC'], issuerName: 'Văn phòng Thường trực', abbr: 'VPTT', places: ['Hà Nội'], head: 'CHÁNH VĂN PHÒNG', deputy: 'PHÓ CHÁNH VĂN PHÒNG', authority: 'CHÁNH VĂN PHÒNG THƯỜNG TRỰC', units: ['HTQT', 'TH', 'KHTC'] },
  { issuer: ['ỦY BAN SÔNG MÊ CÔNG', 'VIỆT NAM'], issuerName: 'Ủy ban sông Mê Công Việt Nam', abbr: 'UBSMCVN', places: ['Hà Nội'], head: 'CHỦ TỊCH', deputy: 'PHÓ CHỦ TỊCH', collective: 'ỦY BAN', authority: 'CHỦ TỊCH ỦY BAN SÔNG MÊ CÔNG VIỆT NAM', units: ['VPTT'] },
  { parent: ['BỘ QUỐC PHÒNG'], issuer: ['BỘ TƯ LỆNH QUÂN KHU 9'], issuerName: 'Bộ Tư lệnh Quân khu 9', abbr: 'BTL', places: ['Cần Thơ'], head: 'TƯ LỆNH', deputy: 'PHÓ TƯ LỆNH', authority: 'TƯ LỆNH QUÂN KHU 9', units: ['TM', 'CT'], ranks: ['Thiếu tướng', 'Trung tướng', 'Đại tá'] },
  { parent: ['BỘ CÔNG AN'], issuer: ['CÔNG AN TỈNH ĐỒNG THÁP'], issuerName: 'Công an tỉnh Đồng Tháp', abbr: 'CAT', places: ['Đồng Tháp'], head: 'GIÁM ĐỐC', deputy: 'PHÓ GIÁM ĐỐC', authority: 'GIÁM ĐỐC CÔNG AN TỈNH ĐỒNG THÁP', units: ['PV01', 'PC08'], ranks: ['Đại tá', 'Thiếu tướng', 'Thượng tá'] },
  { issuer: ['VĂN PHÒNG CHÍNH PHỦ'], issuerName: 'Văn phòng Chính phủ', abbr: 'VPCP', places: ['Hà Nội'], head: 'BỘ TRƯỞNG, CHỦ NHIỆM', deputy: 'PHÓ CHỦ NHIỆM', authority: 'BỘ TRƯỞNG, CHỦ NHIỆM VĂN PHÒNG CHÍNH PHỦ', units: ['NN', 'QHQT', 'TH'] },
  { issuer: ['HỘI ĐỒNG NHÂN DÂN', 'TỈNH ĐỒNG THÁP'], issuerName: 'Hội đồng nhân dân tỉnh Đồng Tháp', abbr: 'HĐND', places: ['Đồng Tháp'], head: 'CHỦ TỊCH', deputy: 'PHÓ CHỦ TỊCH', authority: 'HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG THÁP', units: ['VP'] },
  { issuer: ['BỘ NGOẠI GIAO'], issuerName: 'Bộ Ngoại giao', abbr: 'BNG', places: ['Hà Nội'], head: 'BỘ TRƯỞNG', deputy: 'THỨ TRƯỞNG', authority: 'BỘ TRƯỞNG BỘ NGOẠI GIAO', units: ['LPQT', 'ĐNA', 'VP'] },
  { parent: ['BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG'], issuer: ['CỤC QUẢN LÝ TÀI NGUYÊN NƯỚC'], issuerName: 'Cục Quản lý tài nguyên nước', abbr: 'CQLTNN', places: ['Hà Nội'], head: 'CỤC TRƯỞNG', deputy: 'PHÓ CỤC TRƯỞNG', authority: 'CỤC TRƯỞNG CỤC QUẢN LÝ TÀI NGUYÊN NƯỚC', units: ['QH', 'VP'] },
  { parent: ['CỤC KHÍ TƯỢNG THỦY VĂN'], issuer: ['TRUNG TÂM DỰ BÁO KHÍ TƯỢNG', 'THUỶ VĂN QUỐC GIA'], issuerName: 'Trung tâm Dự báo khí tượng thủy văn quốc gia', abbr: 'TTDBKTTVQG', places: ['Hà Nội'], head: 'GIÁM ĐỐC', deputy: 'PHÓ GIÁM ĐỐC', authority: 'GIÁM ĐỐC TRUNG TÂM DỰ BÁO KHÍ TƯỢNG THỦY VĂN QUỐC GIA', units: ['DBTV', 'VP'] },
  { issuer: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HỒ CHÍ MINH'], issuerName: 'Ủy ban nhân dân Thành phố Hồ Chí Minh', abbr: 'UBND', places: ['Thành phố Hồ Chí Minh', 'TP. Hồ Chí Minh'], head: 'CHỦ TỊCH', deputy: 'PHÓ CHỦ TỊCH', collective: 'ỦY BAN NHÂN DÂN', authority: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', units: ['KT', 'ĐT'] },
  { issuer: ['ỦY BAN NHÂN DÂN', 'TỈNH KHÁNH HOÀ'], issuerName: 'Ủy ban nhân dân tỉnh Khánh Hòa', abbr: 'UBND', places: ['Khánh Hòa', 'Khánh Hoà'], head: 'CHỦ TỊCH', deputy: 'PHÓ CHỦ TỊCH', collective: 'ỦY BAN NHÂN DÂN', authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA', units: ['KT', 'NC'] },
]

/** Subjects in sentence case, without "Về việc"; used upper-cased for titles that print capitals. */
export const SUBJECTS = [
  'ban hành Quy chế phối hợp quản lý tài nguyên nước lưu vực sông Mê Công',
  'triển khai Kế hoạch hành động ứng phó với hạn hán, xâm nhập mặn mùa khô năm 2026',
  'góp ý dự thảo Chiến lược phát triển bền vững đồng bằng sông Cửu Long',
  'cử cán bộ tham dự Hội nghị thường niên của Ủy hội sông Mê Công quốc tế',
  'phê duyệt danh mục nhiệm vụ chuyên môn năm 2026',
  'tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn',
  'báo cáo kết quả thực hiện nhiệm vụ 6 tháng đầu năm',
  'thành lập Tổ công tác liên ngành giám sát chất lượng nước sông Hậu',
  'chia sẻ số liệu quan trắc mực nước và lưu lượng tại các trạm thủy văn',
  'đề nghị cung cấp thông tin phục vụ tham vấn dự án thủy điện trên dòng chính',
  'kiện toàn Ban Chỉ đạo chuyển đổi số',
  'tổ chức Hội thảo khoa học về sạt lở bờ sông, bờ biển',
  'phân bổ kinh phí sự nghiệp bảo vệ môi trường năm 2026',
  'hướng dẫn thực hiện chế độ báo cáo thống kê ngành',
  'điều chỉnh Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức',
  'mời họp triển khai nhiệm vụ hợp tác quốc tế',
  'công bố thủ tục hành chính được sửa đổi, bổ sung trong lĩnh vực tài nguyên nước',
  'ứng phó với lũ trên sông Cửu Long và triều cường',
  'quy định mức hỗ trợ người dân bị ảnh hưởng bởi sạt lở',
  'giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026',
]

export const ADDRESSEES = [
  'Bộ Tài chính',
  'Bộ Ngoại giao',
  'Văn phòng Chính phủ',
  'Ủy ban sông Mê Công Việt Nam',
  'Bộ Nông nghiệp và Môi trường',
  'Ủy ban nhân dân các tỉnh, thành phố thuộc vùng đồng bằng sông Cửu Long',
  'Ủy ban nhân dân tỉnh An Giang',
  'Ủy ban nhân dân thành phố Cần Thơ',
  'Bộ Khoa học và Công nghệ',
  'Viện Khoa học Thủy lợi Việt Nam',
  'Các thành viên Ủy ban sông Mê Công Việt Nam',
]

export const RECIPIENTS = [
  'Thủ tướng Chính phủ (để báo cáo)',
  'Các Phó Thủ tướng Chính phủ',
  'Lãnh đạo Bộ',
  'Các Thứ trưởng',
  'Văn phòng Chính phủ',
  'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương thuộc vùng đồng bằng sông Cửu Long (để phối hợp)',
  'Các Bộ: Tài chính, Ngoại giao, Khoa học và Công nghệ',
  'Cổng Thông tin điện tử',
  'Sở Nông nghiệp và Môi trường các tỉnh',
  'VPCP: BTCN, các PCN, Cổng TTĐT',
  'Văn phòng Thường trực Ủy ban sông Mê Công Việt Nam',
  'Đài Khí tượng thủy văn khu vực Nam Bộ',
  'Thường trực Tỉnh ủy, Thường trực HĐND tỉnh',
]

export const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương']
export const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Thu', 'Xuân', 'Hoàng Anh', 'Thị Thanh']
/** Given names, with both tone placements where they differ (Hoà/Hòa, Thuỷ/Thủy). */
export const GIVEN = ['Hòa', 'Hoà', 'Thủy', 'Thuỷ', 'Long', 'Hùng', 'Dũng', 'Lan', 'Hương', 'Tuấn', 'Khoa', 'Thành', 'Hải', 'Bình', 'Sơn', 'Phương', 'Quang', 'Khỏe', 'Khoẻ']

export const BODY = [
  'Thực hiện chỉ đạo của Thủ tướng Chính phủ về tăng cường hợp tác với Ủy hội sông Mê Công quốc tế, {issuer} đề nghị Quý cơ quan quan tâm phối hợp thực hiện các nội dung nêu trên, bảo đảm tiến độ và chất lượng.',
  'Trong thời gian qua, tình hình khô hạn, xâm nhập mặn và sạt lở bờ sông diễn biến phức tạp, ảnh hưởng đến sản xuất và đời sống của người dân vùng đồng bằng sông Cửu Long.',
  'Đề nghị các cơ quan, đơn vị rà soát, tổng hợp và gửi báo cáo về {issuer} trước ngày 15 tháng 12 năm 2025 để tổng hợp, báo cáo cấp có thẩm quyền.',
  'Căn cứ kết quả quan trắc tại các trạm thủy văn trên dòng chính sông Mê Công, mực nước trung bình tháng thấp hơn trung bình nhiều năm từ 0,3 đến 0,5 mét.',
]
