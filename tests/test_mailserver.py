import smtplib
from email.message import EmailMessage

from monitor.demo.mailserver import LocalMailServer


def test_the_local_server_receives_what_smtplib_sends() -> None:
    message = EmailMessage()
    message["From"] = "monitor@localhost"
    message["To"] = "analyst@example.org"
    message["Subject"] = "Мохйаддин Оруджев: переведён в колонию"
    message.set_content("Текст по-русски")
    with LocalMailServer() as server:
        with smtplib.SMTP(server.host, server.port, timeout=10) as client:
            client.send_message(message)
        (received,) = server.received
    assert received.recipients == ["analyst@example.org"]
    assert received.message["Subject"] == "Мохйаддин Оруджев: переведён в колонию"
    assert received.message.get_content().strip() == "Текст по-русски"
