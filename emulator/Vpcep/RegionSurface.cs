using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>
/// The API surface the emulator's region documents. eu-de and eu-nl share one API reference
/// (opentelekomcloud-docs/vpc-endpoint); eu-ch2 has its own (opentelekomcloud-docs-swiss/vpc-endpoint), whose request
/// tables leave out some eu-de fields and add one. A request field the region's reference does not document is refused
/// as a parameter error (<c>EndPoint.0002</c>), the harsher of the two plausible answers (refuse or ignore), and answers
/// carry only the fields that reference documents.
/// </summary>
internal sealed class RegionSurface
{
    public const string SwissRegion = "eu-ch2";

    private readonly string _region;

    private RegionSurface(string region) => _region = region;

    /// <summary>True for eu-ch2: no <c>policy_statement</c>, <c>specification_name</c> or endpoint <c>description</c>; no service <c>pool_id</c> or <c>description</c>; services take <c>vip_port_id</c>.</summary>
    public bool IsSwiss => string.Equals(_region, SwissRegion, StringComparison.OrdinalIgnoreCase);

    public static RegionSurface For(string region) => new(region);

    /// <summary>Service create (eu-de: <c>creating_a_vpc_endpoint_service.rst</c>; eu-ch2: the page of the same name).</summary>
    public void CheckCreateService(CreateServiceBody body) => Refuse("creating a VPC endpoint service",
        ("pool_id", IsSwiss && body.PoolId is not null),
        ("description", IsSwiss && body.Description is not null),
        ("vip_port_id", !IsSwiss && body.VipPortId is not null));

    /// <summary>Service modify (<c>modifying_a_vpc_endpoint_service.rst</c> in both).</summary>
    public void CheckModifyService(UpdateServiceBody body) => Refuse("modifying a VPC endpoint service",
        ("description", IsSwiss && body.Description is not null),
        ("vip_port_id", !IsSwiss && body.VipPortId is not null));

    /// <summary>Endpoint create (<c>creating_a_vpc_endpoint.rst</c> in both).</summary>
    public void CheckCreateEndpoint(CreateEndpointBody body) => Refuse("creating a VPC endpoint",
        ("policy_statement", IsSwiss && body.PolicyStatement is not null),
        ("specification_name", IsSwiss && body.SpecificationName is not null),
        ("description", IsSwiss && body.Description is not null));

    private void Refuse(string operation, params (string Field, bool Refused)[] fields)
    {
        foreach (var (field, refused) in fields)
        {
            if (refused)
            {
                throw ApiError.BadRequest("EndPoint.0002", $"Parameter error: {field} is not a parameter of {operation} in {_region}.");
            }
        }
    }
}
