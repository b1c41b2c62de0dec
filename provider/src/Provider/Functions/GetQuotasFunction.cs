using Otc.CloudClient;
using Otc.Provider.Cloud;
using Otc.Provider.Resources.Common;
using Otc.ProviderHost.Models;
using Otc.ProviderHost.Resources;

namespace Otc.Provider.Functions;

/// <summary>
/// <c>otc:vpcep:getQuotas</c>: how many VPC endpoint services and VPC endpoints the configured project has and may
/// have, optionally only for one <c>type</c>.
/// </summary>
public sealed class GetQuotasFunction(OtcClientProvider clients) : IFunctionHandler<GetQuotasArgs, GetQuotasResult>
{
    public const string FunctionToken = "otc:vpcep:getQuotas";

    /// <summary>The resource types the quota page documents.</summary>
    public static readonly IReadOnlyList<string> Types = ["endpoint_service", "endpoint"];

    private static readonly Vocabulary TypeFilter = new([.. Types]);

    public string Token => FunctionToken;

    public Task<FunctionResult<GetQuotasResult>> InvokeAsync(GetQuotasArgs args, CancellationToken cancellationToken)
    {
        var arguments = new FunctionArguments();
        var type = arguments.OneOf(args.Type, "type", TypeFilter);
        return arguments.ThenAsync(async () =>
        {
            var quotas = await clients.Client.GetQuotasAsync(type, cancellationToken).ConfigureAwait(false);
            return new GetQuotasResult
            {
                Type = args.Type.Select(TypeFilter.CanonicalOrSelf),
                Quotas = InputList<QuotaInfo>.Of(quotas.Select(QuotaInfo.From)),
            };
        });
    }
}

/// <summary>The arguments of <c>getQuotas</c>: the resource type, optional.</summary>
public sealed record GetQuotasArgs : IPropertyModel<GetQuotasArgs>
{
    public Input<string> Type { get; init; }

    public static PropertyTable<GetQuotasArgs> Properties { get; } = new PropertyTable<GetQuotasArgs>()
        .Add("type", Codec.String, a => a.Type, (a, v) => a with { Type = v });
}

/// <summary>The result of <c>getQuotas</c>: the type as the API spells it, and one quota per resource type.</summary>
public sealed record GetQuotasResult : IPropertyModel<GetQuotasResult>
{
    public Input<string> Type { get; init; }

    public Input<InputList<QuotaInfo>> Quotas { get; init; }

    public static PropertyTable<GetQuotasResult> Properties { get; } = new PropertyTable<GetQuotasResult>()
        .Add("type", Codec.String, r => r.Type, (r, v) => r with { Type = v })
        .Add("quotas", Codec.ListOf(Codec.Object<QuotaInfo>("getQuotasQuota")), r => r.Quotas, (r, v) => r with { Quotas = v }, PropertyFlags.Required);
}

/// <summary>One resource type's quota (<c>otc:vpcep:getQuotasQuota</c>).</summary>
public sealed record QuotaInfo : IPropertyModel<QuotaInfo>
{
    public Input<string> Type { get; init; }

    public Input<long> Used { get; init; }

    public Input<long> Quota { get; init; }

    public static PropertyTable<QuotaInfo> Properties { get; } = new PropertyTable<QuotaInfo>()
        .Add("type", Codec.String, q => q.Type, (q, v) => q with { Type = v }, PropertyFlags.Required)
        .Add("used", Codec.Integer, q => q.Used, (q, v) => q with { Used = v }, PropertyFlags.Required)
        .Add("quota", Codec.Integer, q => q.Quota, (q, v) => q with { Quota = v }, PropertyFlags.Required);

    public static QuotaInfo From(QuotaEntry entry) => new() { Type = entry.Type, Used = (long)entry.Used, Quota = (long)entry.Quota };
}
