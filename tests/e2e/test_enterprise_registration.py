"""A Beijing enterprise registers, is told clearly about a mistyped USCC, verifies its email,
logs in and switches the interface to English."""

import re

import pytest
from django.core import mail

from oipa.accounts.builders import make_uscc

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Browser-journey-2026"


def fill_registration(page, uscc):
    page.get_by_label("企业名称（与营业执照一致）").fill("北京浏览器测试科技有限公司")
    page.get_by_label("统一社会信用代码").fill(uscc)
    page.get_by_label("您的姓名").fill("浏览器")
    page.get_by_label("工作邮箱").fill("browser@example.cn")
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("确认密码").fill(PASSWORD)
    page.get_by_label(re.compile("我同意")).check()
    page.get_by_role("button", name="注册").click()


def test_an_enterprise_registers_logs_in_and_switches_to_english(page, live_server):
    valid = make_uscc("110105", "MA0E2E001")
    page.goto("/register/")
    fill_registration(page, valid[:-1] + ("0" if valid[-1] != "0" else "1"))
    error = page.locator(".errorlist").first
    error.wait_for()
    assert "校验" in error.inner_text()

    page.get_by_label("统一社会信用代码").fill(valid)
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("确认密码").fill(PASSWORD)
    page.get_by_role("button", name="注册").click()
    page.get_by_role("heading", name="请查收邮件").wait_for()

    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    page.goto(link.group(1))
    page.get_by_role("button").filter(has_text="确认").click()

    page.goto("/accounts/login/")
    page.get_by_label(re.compile("邮箱|电子邮件")).fill("browser@example.cn")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_role("heading", name=re.compile("欢迎")).wait_for()
    assert "北京浏览器测试科技有限公司" in page.content()

    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name=re.compile("Welcome")).wait_for()
    assert page.locator("html").get_attribute("lang") == "en"
