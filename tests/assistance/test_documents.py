"""Formal documents follow the case history, and come out as PDF in the CJK font."""

import hashlib
import io
import re
import zipfile

import pytest
from django.utils import timezone, translation

from oipa.assistance import documents, services
from oipa.assistance.builders import build_application, pdf_upload
from oipa.assistance.documents import DocumentKind as K
from oipa.assistance.documents import fonts, pdf
from oipa.assistance.documents.content import TITLES

pytestmark = pytest.mark.django_db


def pdf_strings(data: bytes, key: str) -> list[str]:
    """The decoded values of every `/key (…)` literal string in a PDF (Info, outline)."""
    values = []
    for match in re.finditer(rb"/" + key.encode() + rb" \(((?:\\.|[^\\)])*)\)", data, re.S):
        raw, out, i = match.group(1), bytearray(), 0
        while i < len(raw):
            if raw[i] != 0x5C:
                out.append(raw[i])
                i += 1
                continue
            octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(0), 8))
                i += 1 + len(octal.group(0))
            else:
                nxt = raw[i + 1 : i + 2]
                out += {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(nxt, nxt)
                i += 2
        text = bytes(out)
        decoded = (
            text[2:].decode("utf-16-be") if text[:2] == b"\xfe\xff" else text.decode("latin-1")
        )
        values.append(decoded)
    return values


def zh_title(kind: str) -> str:
    with translation.override("zh-hans"):
        return TITLES[kind]()


def kinds_for(user, application):
    application.refresh_from_db()
    return documents.documents_for(user, application)


def test_a_draft_has_no_documents(personas):
    draft = build_application(actor=personas["chaoyang"], submit=False)
    assert kinds_for(personas["chaoyang"], draft) == []
    assert not documents.may_download_dossier(personas["staff"], draft)


def test_a_submitted_case_has_its_application_form_and_the_center_its_dossier(personas, submitted):
    assert kinds_for(personas["chaoyang"], submitted) == [K.APPLICATION_FORM]
    assert kinds_for(personas["staff"], submitted) == [K.APPLICATION_FORM, K.DOSSIER]
    assert kinds_for(personas["auditor"], submitted) == [K.APPLICATION_FORM, K.DOSSIER]


def test_a_request_for_material_issues_its_notice(personas, submitted):
    services.request_more_information(
        actor=personas["staff"], application=submitted, request="请补充起诉状"
    )
    assert kinds_for(personas["chaoyang"], submitted) == [K.APPLICATION_FORM, K.INFO_REQUEST]


def test_a_declined_case_has_a_non_acceptance_notice_and_no_acceptance(personas, submitted):
    services.decline_application(actor=personas["staff"], application=submitted, reason="不属于")
    assert kinds_for(personas["chaoyang"], submitted) == [K.APPLICATION_FORM, K.NON_ACCEPTANCE]


def test_a_guided_and_concluded_case_has_every_notice_of_its_path(personas, accepted):
    staff, expert = personas["staff"], personas["expert"]
    services.assign_expert(actor=staff, application=accepted, expert=expert, role="lead")
    services.record_consultation(
        actor=expert, application=accepted, held_on=timezone.localdate(), summary="策略"
    )
    services.conclude_application(actor=staff, application=accepted, outcome="settled")
    assert kinds_for(personas["chaoyang"], accepted) == [
        K.APPLICATION_FORM,
        K.ACCEPTANCE,
        K.GUIDANCE_OPINION,
        K.TERMINATION,
    ]


def test_withdrawing_before_acceptance_ends_no_guidance(personas, submitted):
    services.withdraw_application(actor=personas["chaoyang"], application=submitted)
    assert K.TERMINATION not in kinds_for(personas["chaoyang"], submitted)


def test_withdrawing_during_guidance_issues_a_notice_ending_it(personas, accepted):
    services.withdraw_application(actor=personas["chaoyang"], application=accepted, reason="和解")
    assert kinds_for(personas["chaoyang"], accepted)[-1] == K.TERMINATION


def test_a_confidential_case_offers_nothing_to_staff_who_may_not_read_it(personas):
    app = build_application(actor=personas["chaoyang"], confidential=True)
    assert kinds_for(personas["staff"], app) == []
    assert kinds_for(personas["chaoyang"], app) == [K.APPLICATION_FORM]


@pytest.mark.parametrize("kind", [K.APPLICATION_FORM, K.ACCEPTANCE])
def test_each_document_is_a_pdf_titled_and_numbered_for_the_case(personas, accepted, kind):
    data = documents.render_document(accepted, kind)
    assert data.startswith(b"%PDF")
    assert pdf_strings(data, "Subject") == [accepted.number]
    assert zh_title(kind) in pdf_strings(data, "Title")
    assert str(accepted.code).encode() in data


@pytest.mark.skipif(not fonts.FONT_PATH.is_file(), reason="WenQuanYi Micro Hei not installed")
def test_the_installed_cjk_font_is_embedded(submitted):
    data = documents.render_document(submitted, K.APPLICATION_FORM)
    assert b"WenQuanYiMicroHei" in data


@pytest.fixture
def fresh_fonts():
    fonts.cjk_font.cache_clear()
    pdf.styles.cache_clear()
    yield
    fonts.cjk_font.cache_clear()
    pdf.styles.cache_clear()


def test_without_the_ttf_it_falls_back_to_the_builtin_cid_font(
    submitted, monkeypatch, tmp_path, fresh_fonts
):
    monkeypatch.setattr(fonts, "FONT_PATH", tmp_path / "missing.ttc")
    data = documents.render_document(submitted, K.APPLICATION_FORM)
    assert b"STSong-Light" in data
    assert b"WenQuanYiMicroHei" not in data


def test_a_document_the_case_never_issued_cannot_be_rendered(submitted):
    with pytest.raises(LookupError):
        documents.render_document(submitted, K.NON_ACCEPTANCE)


def test_markup_typed_by_users_is_printed_not_interpreted(personas, submitted):
    reason = "<b>不予受理</b> & <script>alert(1)</script> <para"
    services.decline_application(actor=personas["staff"], application=submitted, reason=reason)
    submitted.refresh_from_db()
    assert documents.render_document(submitted, K.NON_ACCEPTANCE).startswith(b"%PDF")


def test_the_dossier_bookmarks_every_document_then_messages_timeline_and_files(personas, submitted):
    staff, enterprise = personas["staff"], personas["chaoyang"]
    services.request_more_information(actor=staff, application=submitted, request="补充证据")
    services.answer_information_request(actor=enterprise, application=submitted, answer="已补充")
    services.upload_attachment(
        actor=enterprise, application=submitted, upload=pdf_upload(), kind="evidence"
    )
    app = services.accept_application(actor=staff, application=submitted)
    data = documents.render_dossier(app)
    assert data.startswith(b"%PDF")
    with translation.override("zh-hans"):
        expected = [
            str(K.DOSSIER.label),
            zh_title(K.APPLICATION_FORM),
            zh_title(K.INFO_REQUEST),
            zh_title(K.ACCEPTANCE),
            *(translation.gettext(t) for t in ("Messages", "Timeline", "Files")),
        ]
    outline = pdf_strings(data, "Title")[1:]  # the first is the document's own title
    assert outline == expected


def test_the_dossier_zip_holds_the_pdf_the_files_and_their_checksums(personas, submitted):
    upload = pdf_upload("证据/../evidence.pdf")
    attachment = services.upload_attachment(
        actor=personas["chaoyang"], application=submitted, upload=upload, kind="evidence"
    )
    buffer = io.BytesIO()
    included = documents.write_dossier_zip(submitted, buffer)
    archive = zipfile.ZipFile(buffer)
    assert included == [attachment]
    assert archive.namelist() == ["dossier.pdf", "files/001-evidence.pdf", "SHA256SUMS"]
    content = archive.read("files/001-evidence.pdf")
    assert hashlib.sha256(content).hexdigest() == attachment.sha256
    assert archive.read("SHA256SUMS").decode() == f"{attachment.sha256}  files/001-evidence.pdf\n"
    assert archive.read("dossier.pdf").startswith(b"%PDF")
