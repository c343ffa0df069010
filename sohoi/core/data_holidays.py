"""Vietnamese public holidays used by the working-day calendar (Labour Code 2019, art. 112, and the
Government's yearly compensatory-day notices). Lunar holidays are listed by their solar dates per year.
An administrator maintains later years in the Holiday table."""

HOLIDAYS = {
    # year: [(mm-dd, name)]
    2024: [("01-01", "Tết Dương lịch"), ("02-08", "Tết Nguyên đán"), ("02-09", "Tết Nguyên đán"),
           ("02-10", "Tết Nguyên đán"), ("02-11", "Tết Nguyên đán"), ("02-12", "Tết Nguyên đán"),
           ("02-13", "Tết Nguyên đán"), ("02-14", "Tết Nguyên đán"), ("04-18", "Giỗ Tổ Hùng Vương"),
           ("04-29", "Nghỉ bù"), ("04-30", "Ngày Giải phóng miền Nam"), ("05-01", "Quốc tế Lao động"),
           ("09-02", "Quốc khánh"), ("09-03", "Quốc khánh")],
    2025: [("01-01", "Tết Dương lịch"), ("01-27", "Tết Nguyên đán"), ("01-28", "Tết Nguyên đán"),
           ("01-29", "Tết Nguyên đán"), ("01-30", "Tết Nguyên đán"), ("01-31", "Tết Nguyên đán"),
           ("04-07", "Giỗ Tổ Hùng Vương"), ("04-30", "Ngày Giải phóng miền Nam"), ("05-01", "Quốc tế Lao động"),
           ("05-02", "Nghỉ bù"), ("09-01", "Quốc khánh"), ("09-02", "Quốc khánh")],
    2026: [("01-01", "Tết Dương lịch"), ("02-16", "Tết Nguyên đán"), ("02-17", "Tết Nguyên đán"),
           ("02-18", "Tết Nguyên đán"), ("02-19", "Tết Nguyên đán"), ("02-20", "Tết Nguyên đán"),
           ("04-27", "Giỗ Tổ Hùng Vương"), ("04-30", "Ngày Giải phóng miền Nam"), ("05-01", "Quốc tế Lao động"),
           ("09-01", "Quốc khánh"), ("09-02", "Quốc khánh")],
}
