using Otc.Emulator.Gateway;

namespace Otc.Emulator.Vpcep;

/// <summary>Maps the VPCEP v1 routes (prefix <c>/v1/{project_id}</c>) onto the store.</summary>
internal static class VpcepRoutes
{
    private const string Services = "/v1/{project_id}/vpc-endpoint-services";
    private const string Endpoints = "/v1/{project_id}/vpc-endpoints";

    public static void Map(IEndpointRouteBuilder app, CloudStore store)
    {
        app.MapPost(Services, context => Ok(context, store.CreateService(CallerOf(context), ProjectOf(context), Body<CreateServiceBody>(context))));
        app.MapGet(Services, context => Ok(context, store.ListServices(ProjectOf(context), context.Request.Query)));
        app.MapGet(Services + "/describe", context => Ok(context, store.DescribeService(
            context.Request.Query["endpoint_service_name"].FirstOrDefault(), context.Request.Query["id"].FirstOrDefault())));
        app.MapGet(Services + "/public", context => Ok(context, store.ListPublicServices(context.Request.Query)));
        app.MapGet(Services + "/{id}", context => Ok(context, store.GetService(ProjectOf(context), Id(context))));
        app.MapPut(Services + "/{id}", context => Ok(context, store.UpdateService(ProjectOf(context), Id(context), Body<UpdateServiceBody>(context))));
        app.MapDelete(Services + "/{id}", context =>
        {
            store.DeleteService(ProjectOf(context), Id(context));
            return NoContent(context);
        });
        app.MapGet(Services + "/{id}/connections", context => Ok(context, store.ListConnections(ProjectOf(context), Id(context), context.Request.Query)));
        app.MapPost(Services + "/{id}/connections/action", context =>
            Ok(context, store.ActOnConnection(ProjectOf(context), Id(context), Body<ConnectionActionBody>(context))));
        app.MapGet(Services + "/{id}/permissions", context => Ok(context, store.ListPermissions(ProjectOf(context), Id(context), context.Request.Query)));
        app.MapPost(Services + "/{id}/permissions/action", context =>
            Ok(context, store.ActOnPermissions(ProjectOf(context), Id(context), Body<PermissionActionBody>(context))));

        app.MapPost(Endpoints, context => Ok(context, store.CreateEndpoint(CallerOf(context), ProjectOf(context), Body<CreateEndpointBody>(context))));
        app.MapGet(Endpoints, context => Ok(context, store.ListEndpoints(ProjectOf(context), context.Request.Query)));
        app.MapGet(Endpoints + "/{id}", context => Ok(context, store.GetEndpoint(ProjectOf(context), Id(context))));
        app.MapDelete(Endpoints + "/{id}", context =>
        {
            store.DeleteEndpoint(ProjectOf(context), Id(context));
            return NoContent(context);
        });

        app.MapGet("/v1/{project_id}/quotas", context => Ok(context, store.Quotas(CallerOf(context), ProjectOf(context), context.Request.Query["type"].FirstOrDefault())));

        app.MapPost("/v1/{project_id}/{resource_type}/{id}/tags/action", context =>
        {
            store.ActOnTags(ProjectOf(context), Route(context, "resource_type"), Id(context), Body<TagActionBody>(context));

            // The page documents no response body; the status-code appendix gives 200 for POST.
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        app.MapGet("/v1/{project_id}/{resource_type}/tags", context => Ok(context, store.ListTags(ProjectOf(context), Route(context, "resource_type"))));
        app.MapPost("/v1/{project_id}/{resource_type}/resource_instances/action", context =>
            Ok(context, store.QueryResourcesByTag(ProjectOf(context), Route(context, "resource_type"), Body<ResourceInstancesBody>(context))));
    }

    private static Caller CallerOf(HttpContext context) =>
        RequestContext.Of(context).Caller ?? throw new InvalidOperationException("VPCEP routes are authenticated by the gateway.");

    /// <summary>The gateway has already checked that the path project is the caller's project.</summary>
    private static string ProjectOf(HttpContext context) => CallerOf(context).ProjectId!;

    private static string Id(HttpContext context) => Route(context, "id");

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    private static T Body<T>(HttpContext context)
        where T : class => JsonWire.ReadBody<T>(RequestContext.Of(context).Body);

    private static Task Ok(HttpContext context, object body) => JsonWire.WriteAsync(context, StatusCodes.Status200OK, body);

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
