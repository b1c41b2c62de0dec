namespace Otc.CloudClient;

internal enum AuthMode
{
    AccessKey,
    Password,
    StaticToken,
}
