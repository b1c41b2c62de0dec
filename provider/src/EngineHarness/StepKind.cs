namespace Otc.EngineHarness;

/// <summary>What the engine decided to do with a resource, in Pulumi's display terms.</summary>
public enum StepKind
{
    /// <summary>No changes (<c>DIFF_NONE</c>); nothing but Check and Diff is called.</summary>
    Same,
    Create,
    Update,
    Replace,
    Delete,
}
