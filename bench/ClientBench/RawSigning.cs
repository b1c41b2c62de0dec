using Otc.CloudClient;

namespace Otc.Bench.ClientBench;

/// <summary>The bare minimum a hand-written caller must do to sign a body-less GET, using the client's own signer functions.</summary>
internal static class RawSigning
{
    public static void Sign(HttpRequestMessage request, string accessKey, string secretKey)
    {
        var uri = request.RequestUri!;
        var date = AkSkSigner.FormatDate(DateTimeOffset.UtcNow);
        request.Headers.TryAddWithoutValidation(AkSkSigner.DateHeader, date);
        var signed = new Dictionary<string, string> { ["host"] = uri.Authority, ["x-sdk-date"] = date };
        request.Headers.TryAddWithoutValidation("Authorization", AkSkSigner.Authorization(accessKey, secretKey, "GET", uri, signed, []));
    }
}
