using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Tests.Unit;

public sealed class ExceptionTranslatorTests
{
    private static readonly OtcExceptionTranslator Translator = new();

    private static ProviderException Translate(int status, string code) =>
        Translator.Translate(new OtcApiException("PUT vpc-endpoint-services/{id}", status, code, "something went wrong", "req-42"))!;

    [TestCase(400, "EndPoint.3044", ProviderErrorKind.InvalidInput)]
    [TestCase(404, "EndPoint.0005", ProviderErrorKind.NotFound)]
    [TestCase(401, "APIGW.0301", ProviderErrorKind.Unauthenticated)]
    [TestCase(403, "EndPoint.0004", ProviderErrorKind.PermissionDenied)]
    [TestCase(429, "APIGW.0308", ProviderErrorKind.Unavailable)]
    [TestCase(500, "EndPoint.0001", ProviderErrorKind.Unavailable)]
    [TestCase(503, "EndPoint.0001", ProviderErrorKind.Unavailable)]
    [TestCase(400, "Endpoint.1018", ProviderErrorKind.QuotaExceeded)]
    [TestCase(400, "EndPoint.0022", ProviderErrorKind.Unavailable)]
    public void Api_errors_map_to_their_kind(int status, string code, ProviderErrorKind kind) =>
        Assert.That(Translate(status, code).Kind, Is.EqualTo(kind));

    [Test]
    public void The_message_carries_code_text_request_id_and_operation()
    {
        var message = Translate(400, "EndPoint.3044").Message;

        Assert.That(message, Does.Contain("EndPoint.3044")
            .And.Contain("something went wrong")
            .And.Contain("req-42")
            .And.Contain("PUT vpc-endpoint-services/{id}"));
    }

    [Test]
    public void Transport_failures_are_unavailable() =>
        Assert.That(Translator.Translate(new OtcTransportException("GET vpc-endpoint-services/{id}", "connection refused"))!.Kind,
            Is.EqualTo(ProviderErrorKind.Unavailable));

    [Test]
    public void A_waiter_timeout_is_a_timeout() =>
        Assert.That(Translator.Translate(new WaitTimeoutException("id-1", "available", TimeSpan.FromSeconds(5), null))!.Kind,
            Is.EqualTo(ProviderErrorKind.Timeout));

    [Test]
    public void Foreign_exceptions_are_not_translated() =>
        Assert.That(Translator.Translate(new InvalidOperationException("x")), Is.Null);
}
