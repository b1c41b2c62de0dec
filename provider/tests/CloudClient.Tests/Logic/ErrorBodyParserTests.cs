using Otc.CloudClient;

namespace Otc.CloudClient.Tests.Logic;

public sealed class ErrorBodyParserTests
{
    [Test]
    public void Vpcep_shape_yields_code_and_message()
    {
        var (code, message, _) = ErrorBodyParser.Parse("""{"error_code":"EndPoint.3044","error_msg":"Port conflict."}""");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo("EndPoint.3044"));
            Assert.That(message, Is.EqualTo("Port conflict."));
        });
    }

    [Test]
    public void Gateway_shape_also_yields_the_request_id()
    {
        var (code, _, requestId) = ErrorBodyParser.Parse("""{"error_msg":"throttled","error_code":"APIGW.0308","request_id":"r-42"}""");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo("APIGW.0308"));
            Assert.That(requestId, Is.EqualTo("r-42"));
        });
    }

    [Test]
    public void Keystone_shape_yields_title_and_message()
    {
        var (code, message, _) = ErrorBodyParser.Parse("""{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}""");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo("Unauthorized"));
            Assert.That(message, Is.EqualTo("The request you have made requires authentication."));
        });
    }

    [TestCase("")]
    [TestCase("<html>Bad gateway</html>")]
    [TestCase("[1,2]")]
    public void Unrecognised_bodies_yield_nothing_rather_than_failing(string body)
    {
        var (code, message, requestId) = ErrorBodyParser.Parse(body);

        Assert.That(new[] { code, message, requestId }, Is.All.Null);
    }

    [Test]
    public void Exception_message_carries_status_code_message_and_request_id()
    {
        var error = new OtcApiException("PUT vpc-endpoint-services/{id}", 400, "EndPoint.3044", "Port conflict.", "r-1");

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("OTC API error 400 EndPoint.3044: Port conflict. (request id r-1)"));
            Assert.That(error.IsNotFound, Is.False);
            Assert.That(new OtcApiException("GET x", 404, null, null, null).IsNotFound, Is.True);
        });
    }
}
