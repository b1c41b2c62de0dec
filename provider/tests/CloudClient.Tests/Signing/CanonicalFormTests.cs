using Otc.CloudClient;

namespace Otc.CloudClient.Tests.Signing;

public sealed class CanonicalFormTests
{
    [Test]
    public void Query_is_sorted_by_name_then_value_and_rfc3986_encoded()
    {
        // The Go SDK's query vector: repeated keys sorted by value, '/' and non-ASCII percent-encoded, '.' kept.
        var query = "?test=" + Uri.EscapeDataString("一 (&=?!#%.*)") + "&path=%2Ftmp%2F123&multi=3&limit=1&multi=1&enable=true&multi=2";

        Assert.That(AkSkSigner.CanonicalQuery(query), Is.EqualTo(
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29"));
    }

    [Test]
    public void Empty_query_is_an_empty_line()
    {
        Assert.That(AkSkSigner.CanonicalQuery(""), Is.Empty);
    }

    [TestCase("/v1/p/vpc-endpoint-services", "/v1/p/vpc-endpoint-services/")]
    [TestCase("/v1/p/vpc-endpoint-services/", "/v1/p/vpc-endpoint-services/")]
    [TestCase("/", "/")]
    [TestCase("/a%20b/c~d", "/a%20b/c~d/")]
    public void Path_always_ends_with_a_slash_and_segments_are_reencoded(string path, string expected)
    {
        Assert.That(AkSkSigner.CanonicalPath(path), Is.EqualTo(expected));
    }

    [Test]
    public void Date_header_format_is_compact_utc()
    {
        var instant = new DateTimeOffset(2019, 11, 15, 4, 36, 55, TimeSpan.FromHours(1));

        Assert.That(AkSkSigner.FormatDate(instant), Is.EqualTo("20191115T033655Z"));
    }
}
