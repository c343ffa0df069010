"""Oversight through the web (issue 11): the Fatherland Front runs a supervision from plan to closure, the
district committee it recommended to answers (with reasons) and reports what it did with evidence; the Mass
Mobilisation Board sees the inspected units of 752-CV/TU side by side, and overdue recommendations in the urge
list beside overdue tasks; the administrator keeps the rule table of response deadlines."""

import datetime

import pytest

from .conftest import flash, shot, shot_of, sign_in

pytestmark = pytest.mark.e2e

FRONT = "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Cần Thơ"
NINH_KIEU = "Quận ủy Ninh Kiều"
PLAN = b"KE HOACH GIAM SAT\n\nGiam sat viec ho tro cac hoi quan chung cap quan.\n\nThoi gian: thang 12."
EVIDENCE = b"BAO CAO KET QUA\n\nDa ban hanh ke hoach ra soat cac hoi cap phuong.\n"


def test_the_front_runs_a_supervision_and_the_district_answers_its_recommendation(page, page_as):
    today = datetime.date.today()
    subject = "Giám sát việc hỗ trợ các hội quần chúng cấp phường (hành trình thử)"
    recommendation = "Ban hành kế hoạch rà soát các hội quần chúng cấp phường trước khi sắp xếp (hành trình thử)."

    sign_in(page, "mattran")
    page.get_by_role("navigation").get_by_role("link", name="Giám sát & kiểm tra").first.click()
    page.get_by_role("link", name="Lập kế hoạch").click()
    page.get_by_label("Tìm đơn vị, hội").fill("Ninh Kiều")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_label("Loại hoạt động").select_option(label="Giám sát")
    page.get_by_label("Hình thức giám sát").select_option(label="Giám sát chuyên đề")
    page.locator("#id_subject").fill(subject)
    page.get_by_label("Đơn vị, hội được giám sát / kiểm tra").select_option(label=NINH_KIEU)
    page.get_by_label("Dự kiến bắt đầu").fill(today.isoformat())
    page.get_by_label("Dự kiến kết thúc").fill((today - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Lưu").click()
    assert "không thể trước ngày bắt đầu" in page.locator("form.card").inner_text()  # named, nothing stored
    page.get_by_label("Dự kiến kết thúc").fill((today + datetime.timedelta(days=30)).isoformat())
    page.get_by_label("Phương pháp, cách tiến hành").fill("Nghe báo cáo; làm việc trực tiếp với Quận ủy.")
    shot_of(page.locator("form.card"), "giam-sat-lap-ke-hoach")
    page.get_by_role("button", name="Lưu").click()
    assert "Đã lập kế hoạch." in flash(page)
    activity_url = page.url
    assert "Đã lập kế hoạch" in page.locator("main").inner_text()

    page.get_by_text("Thêm thành viên đoàn").click()
    page.get_by_label("Họ tên").fill("Lê Văn Thử")
    page.get_by_label("Vai trò trong đoàn").select_option(label="Trưởng đoàn")
    page.get_by_role("button", name="Thêm", exact=True).click()
    assert "Đã thêm thành viên đoàn." in flash(page)
    page.get_by_text("Đính kèm tệp (kế hoạch").click()
    page.get_by_label("Loại tệp").select_option(label="Kế hoạch")
    page.get_by_label("Tệp (.docx, .pdf, .txt)").set_input_files(
        {"name": "ke-hoach-giam-sat.txt", "mimeType": "text/plain", "buffer": PLAN})
    page.get_by_role("button", name="Tải lên").click()
    assert "Đã đính kèm tệp." in flash(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="ke-hoach-giam-sat.txt").click()
    assert download.value.suggested_filename == "ke-hoach-giam-sat.txt"

    page.get_by_role("button", name="Bắt đầu tiến hành").click()
    assert "Đã chuyển trạng thái." in flash(page)
    page.get_by_role("link", name="Ghi phát hiện").click()
    page.get_by_label("Nội dung phát hiện").fill("Chưa rà soát các hội quần chúng cấp phường.")
    page.get_by_label("Đơn vị liên quan").select_option(label=NINH_KIEU)
    page.get_by_role("button", name="Lưu").click()
    assert "Đã ghi phát hiện." in flash(page)
    page.get_by_role("link", name="Ghi kiến nghị").click()
    page.get_by_label("Nội dung kiến nghị").fill(recommendation)
    page.get_by_role("button", name="Lưu").click()  # no addressee
    assert "Kiến nghị phải gửi một đơn vị" in page.locator("form.card").inner_text()
    page.get_by_label("Đơn vị nhận kiến nghị").select_option(label=NINH_KIEU)
    page.get_by_role("button", name="Lưu").click()
    assert "Đã ghi kiến nghị." in flash(page)
    page.get_by_role("link", name="Ghi kết luận").click()
    page.get_by_label("Nội dung kết luận").fill("Quận ủy cơ bản thực hiện tốt; còn chậm rà soát hội cấp phường.")
    page.get_by_role("button", name="Lưu").click()
    assert "Đã lưu kết luận." in flash(page)
    page.get_by_role("button", name="Kết luận", exact=True).click()
    assert "Đã chuyển trạng thái." in flash(page)
    page.get_by_role("button", name="Kết thúc").click()
    assert "chưa được trả lời" in flash(page)  # the workflow table: every recommendation answered first
    shot(page, "giam-sat-da-ket-luan")

    district = page_as("quanuy.ninhkieu")
    district.goto("/")
    district.get_by_role("link", name="Trả lời").first.click()  # the home panel: recommendations waiting
    assert recommendation in district.locator("main").inner_text()
    district.goto(activity_url)
    district.locator("tr").filter(has_text=recommendation).get_by_role("link", name="Trả lời").click()
    district.locator("#id_answer").select_option(label="Không tiếp thu")
    district.get_by_role("button", name="Lưu").click()
    assert "phải nêu lý do" in district.locator("form.card").inner_text()
    district.locator("#id_answer").select_option(label="Tiếp thu một phần")
    district.get_by_label("Nội dung trả lời, lý do").fill("Tiếp thu; việc sắp xếp hội chờ hướng dẫn của Thành ủy.")
    shot_of(district.locator("form.card"), "giam-sat-tra-loi-kien-nghi")
    district.get_by_role("button", name="Lưu").click()
    assert "Đã gửi trả lời." in flash(district)
    district.locator("tr").filter(has_text=recommendation).get_by_role("link", name="Báo cáo kết quả").click()
    district.get_by_label("Kết quả thực hiện").fill("Đã ban hành kế hoạch rà soát số 12-KH/QU.")
    district.get_by_label("Minh chứng (tệp)").set_input_files(
        {"name": "ke-hoach-12.txt", "mimeType": "text/plain", "buffer": EVIDENCE})
    district.get_by_role("button", name="Lưu").click()
    assert "Đã báo cáo kết quả." in flash(district)
    row = district.locator("tr").filter(has_text=recommendation)
    assert "Tiếp thu một phần" in row.inner_text() and "ke-hoach-12.txt" in row.inner_text()
    shot(district, "giam-sat-don-vi-bao-cao-ket-qua")

    page.goto(activity_url)
    with page.expect_download() as download:
        page.get_by_role("link", name="ke-hoach-12.txt").click()
    assert download.value.suggested_filename == "ke-hoach-12.txt"
    page.get_by_role("button", name="Kết thúc").click()
    assert "Đã chuyển trạng thái." in flash(page)
    assert page.locator("main .pill").filter(has_text="Đã kết thúc").count() == 1
    assert not page.get_by_role("button", name="Kết thúc").count()
    shot(page, "giam-sat-da-ket-thuc")


def test_the_inspection_of_752_shows_the_inspected_units_side_by_side(page):
    sign_in(page, "dandan")
    page.goto("/giam-sat/?kind=inspection")
    page.get_by_role("link", name="Kiểm tra việc thực hiện Công văn 752-CV/TU").first.click()
    assert "Danh mục kiểm tra" in page.locator("main").inner_text()
    page.get_by_role("link", name="Đối chiếu từng đơn vị được kiểm tra").click()
    table = page.locator("#so-sanh")
    for unit in ("Quận ủy Ninh Kiều", "Huyện ủy Phong Điền", "Quận ủy Bình Thủy"):
        assert table.locator("tr").filter(has_text=unit).count() == 1
    assert "Chưa hoàn thành, quá hạn" in table.locator("thead").inner_text()
    page.get_by_label("Đơn vị được kiểm tra").select_option(label="Quận ủy Bình Thủy")
    page.get_by_role("button", name="Xem").click()
    assert page.get_by_role("heading", name="Quận ủy Bình Thủy").count() == 1
    for part in ("Phân công", "Báo cáo tiến độ", "Buổi quán triệt", "Tổ chức đảng trực thuộc"):
        assert page.get_by_role("heading", name=part).count() == 1
    shot(page, "kiem-tra-doi-chieu-don-vi")


def test_overdue_recommendations_are_in_the_urge_list_beside_overdue_tasks(page):
    sign_in(page, "dandan")
    page.goto("/van-ban/don-doc/")
    assert page.get_by_role("heading", name="Đôn đốc đơn vị có việc quá hạn").count() == 1
    assert page.locator("main table").first.locator("tbody tr").count() >= 1  # overdue tasks first
    section = page.get_by_role("heading", name="Kiến nghị quá hạn trả lời")
    assert section.count() == 1
    row = page.locator("main tr").filter(has_text="Chỉ đạo các hội quần chúng cấp quận xây dựng đề án tự chủ")
    assert NINH_KIEU in row.inner_text()
    section.scroll_into_view_if_needed()
    shot(page, "ban-dan-van-don-doc-kien-nghi")


def test_the_administrator_adds_a_dated_row_to_the_rule_table(page):
    sign_in(page, "quantri")
    page.goto("/giam-sat/thoi-han/")
    page.get_by_role("link", name="Thêm dòng thời hạn").click()
    page.get_by_label("Quy định").select_option(label="Hạn báo cáo khắc phục sau kiểm tra (ngày)")
    page.get_by_label("Số ngày").fill("45")
    page.get_by_label("Căn cứ").fill("Quy định thử của Thành ủy về kiểm tra")
    page.get_by_label("Hiệu lực từ").fill("2030-01-01")
    page.get_by_role("button", name="Lưu").click()
    assert "chồng lên dòng 60 ngày" in page.locator("form.card").inner_text()  # the old row has no end yet
    page.get_by_label("Hiệu lực từ").fill("2000-01-01")
    page.get_by_label("Hiệu lực đến").fill("2013-12-31")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/giam-sat/thoi-han/")
    assert "Đã lưu thời hạn." in flash(page)
    assert "Quy định thử của Thành ủy về kiểm tra" in page.locator("main table").inner_text()
    shot(page, "quan-tri-thoi-han-kien-nghi")
