using System.Text;
using Otc.CloudClient;

namespace Otc.CloudClient.Tests.Logic;

public sealed class WireJsonTests
{
    [Test]
    public void Update_body_contains_only_the_fields_that_were_set()
    {
        var body = Encoding.UTF8.GetString(WireJson.SerializeToUtf8(new UpdateServiceRequest { ApprovalEnabled = false, Description = "d" }));

        Assert.That(body, Is.EqualTo("""{"approval_enabled":false,"description":"d"}"""));
    }

    [Test]
    public void Misspelled_update_at_fills_updated_at_and_unknown_fields_are_ignored()
    {
        var service = WireJson.Deserialize<EndpointService>(
            """{"id":"s1","update_at":"2018-01-30T07:42:01.174","created_at":"2018-01-30T07:42:01Z","brand_new_field":{"x":1},"tags":null}""",
            "test");

        Assert.Multiple(() =>
        {
            Assert.That(service.UpdatedAt, Is.EqualTo("2018-01-30T07:42:01.174"));
            Assert.That(service.CreatedAt, Is.EqualTo("2018-01-30T07:42:01Z"), "timestamps stay as sent");
            Assert.That(service.Tags, Is.Empty);
        });
    }

    [Test]
    public void Correct_updated_at_wins_over_the_misspelling()
    {
        var service = WireJson.Deserialize<EndpointService>("""{"id":"s1","updated_at":"A","update_at":"B"}""", "test");

        Assert.That(service.UpdatedAt, Is.EqualTo("A"));
    }

    [Test]
    public void Is_charge_as_a_string_still_reads_as_boolean()
    {
        var info = WireJson.Deserialize<ServiceBasicInfo>("""{"id":"x","is_charge":"true"}""", "test");

        Assert.That(info.IsCharge, Is.True);
    }

    [Test]
    public void A_non_json_body_is_a_transport_error_naming_the_operation()
    {
        var error = Assert.Throws<OtcTransportException>(() => WireJson.Deserialize<EndpointService>("<html>", "GET vpc-endpoint-services/{id}"));

        Assert.That(error!.Operation, Is.EqualTo("GET vpc-endpoint-services/{id}"));
    }

    [TestCase("422321321312321321", "422321321312321321")]
    [TestCase("\"422321321312321321\"", "422321321312321321")]
    [TestCase("201515772", "201515772")]
    [TestCase("98765432109876543210", "98765432109876543210")]
    [TestCase("null", null)]
    public void Marker_ids_keep_every_digit_of_the_json_number(string json, string? expected)
    {
        var endpoint = WireJson.Deserialize<VpcEndpoint>($$"""{"id":"e1","marker_id":{{json}}}""", "test");
        var connection = WireJson.Deserialize<ServiceConnection>($$"""{"id":"e1","marker_id":{{json}}}""", "test");

        Assert.That(endpoint.MarkerId, Is.EqualTo(expected));
        Assert.That(connection.MarkerId, Is.EqualTo(expected));
    }

    [Test]
    public void A_marker_id_that_is_not_a_number_is_a_transport_error()
    {
        Assert.Throws<OtcTransportException>(() => WireJson.Deserialize<VpcEndpoint>("""{"id":"e1","marker_id":{"x":1}}""", "test"));
    }
}
