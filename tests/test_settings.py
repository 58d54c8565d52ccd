from django.conf import settings


def test_it_reads_the_test_secret_from_the_environment():
    assert settings.SECRET_KEY.startswith("test-only")


def test_it_never_redirects_to_https_in_tests():
    assert settings.SECURE_SSL_REDIRECT is False
