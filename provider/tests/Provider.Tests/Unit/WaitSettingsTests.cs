using Otc.Provider.Cloud;

namespace Otc.Provider.Tests.Unit;

/// <summary><c>OTC_POLL_INTERVAL_MS</c>: absent means the client's default cadence; anything but 1 to 60,000 milliseconds is refused by name.</summary>
public sealed class WaitSettingsTests
{
    [Test]
    public void Without_the_variable_the_default_policy_applies() =>
        Assert.That(WaitSettings.FromEnvironment(_ => null), Is.Null);

    [TestCase("50", 50)]
    [TestCase(" 1 ", 1)]
    [TestCase("60000", 60_000)]
    public void A_whole_number_of_milliseconds_sets_the_first_interval(string value, int milliseconds)
    {
        var policy = WaitSettings.FromEnvironment(name => name == WaitSettings.PollIntervalVariable ? value : null);

        Assert.That(policy?.InitialDelay, Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [TestCase("0")]
    [TestCase("60001")]
    [TestCase("-5")]
    [TestCase("1.5")]
    [TestCase("1s")]
    public void Anything_else_is_refused_naming_the_variable_and_the_value(string value)
    {
        var refused = Assert.Throws<FormatException>(() => WaitSettings.FromEnvironment(_ => value));

        Assert.That(refused!.Message, Does.Contain("OTC_POLL_INTERVAL_MS").And.Contain($"'{value}'"));
    }
}
