using Otc.CloudClient;
using Otc.ProviderHost.Models;

namespace Otc.Provider.Resources.Common;

/// <summary>
/// One entry of the <c>error</c> array the cloud attaches to a <c>failed</c> service or endpoint
/// (<c>otc:vpcep:CloudError</c>): OTC's error code and message, so the state says why.
/// </summary>
public sealed record CloudError : IPropertyModel<CloudError>
{
    public const string TypeName = "CloudError";

    public Input<string> Code { get; init; }

    public Input<string> Message { get; init; }

    public static PropertyTable<CloudError> Properties { get; } = new PropertyTable<CloudError>()
        .Add("code", Codec.String, m => m.Code, (m, v) => m with { Code = v })
        .Add("message", Codec.String, m => m.Message, (m, v) => m with { Message = v });

    /// <summary>The codec of an <c>errors</c> output.</summary>
    public static ValueCodec<InputList<CloudError>> ListCodec { get; } = Codec.ListOf(Codec.Object<CloudError>(TypeName));

    /// <summary>The cloud's entries as an output (empty when the cloud reports none).</summary>
    public static InputList<CloudError> ListOf(IEnumerable<ServiceError> errors) =>
        InputList<CloudError>.Of(errors.Select(error => new CloudError { Code = error.ErrorCode ?? "", Message = error.ErrorMessage ?? "" }));
}
