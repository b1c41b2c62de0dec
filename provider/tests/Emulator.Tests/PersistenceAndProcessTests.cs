using System.Diagnostics;
using System.Net;
using Otc.Emulator.Tests.Support;

namespace Otc.Emulator.Tests;

/// <summary>The state file across restarts, and the real executable's start line and clean SIGINT exit.</summary>
public class PersistenceAndProcessTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(Path.GetTempPath(), "otc-emulator-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task State_survives_a_restart_with_the_same_file()
    {
        var statePath = Path.Combine(_directory, "state.json");
        string id;
        await using (var first = await EmulatorSession.StartAsync(options => new EmulatorOptions { Clock = options.Clock, StatePath = statePath, CreateDelay = TimeSpan.Zero }))
        {
            id = await first.CreateServiceAsync("persisted");
            await first.PostAsync($"{first.ServicesPath}/{id}/permissions/action", new { action = "add", permissions = new[] { "iam:domain::abc" } });
        }

        await using var second = await EmulatorSession.StartAsync(options => new EmulatorOptions { Clock = options.Clock, StatePath = statePath });
        var service = await second.GetAsync($"{second.ServicesPath}/{id}");
        var permissions = await second.GetAsync($"{second.ServicesPath}/{id}/permissions");

        Assert.That(service.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(service.Body["service_name"]!.GetValue<string>(), Is.EqualTo($"eu-de.persisted.{id}"));
        Assert.That(service.Body["status"]!.GetValue<string>(), Is.EqualTo("available"));
        Assert.That(permissions.Body["total_count"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Directory.GetFiles(_directory), Is.EqualTo(new[] { statePath }), "no temporary files are left behind");
    }

    [Test]
    public async Task The_executable_prints_the_base_url_first_serves_it_and_exits_cleanly_on_sigint()
    {
        var statePath = Path.Combine(_directory, "process-state.json");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { EmulatorDll(), "--port", "0", "--create-delay-ms", "10", "--state", statePath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.That(firstLine, Does.Match(@"^http://127\.0\.0\.1:\d+$"));

            using var http = new HttpClient { BaseAddress = new Uri(firstLine!) };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/{EmulatorAccounts.DefaultProjectId}/vpc-endpoint-services");
            request.Headers.TryAddWithoutValidation("X-Auth-Token", EmulatorAccounts.StaticToken);
            using var response = await http.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

            using (var signal = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(process.ExitCode, Is.Zero);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [Test]
    public async Task The_executable_rejects_unknown_options_with_exit_code_2()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { EmulatorDll(), "--colour", "blue" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(process.ExitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("usage: otc-emulator"));
    }

    [TestCase("short", ServiceNameForm.Short)]
    [TestCase("FULL", ServiceNameForm.Full)]
    public void The_service_name_form_is_chosen_on_the_command_line(string value, ServiceNameForm expected)
    {
        var options = CommandLine.Parse(["--service-name-form", value], out var error);

        Assert.That(error, Is.Null);
        Assert.That(options!.ServiceNameForm, Is.EqualTo(expected));
    }

    [TestCase("medium")]
    [TestCase("1")]
    public void An_unknown_service_name_form_is_refused(string value)
    {
        var options = CommandLine.Parse(["--service-name-form", value], out var error);

        Assert.That(options, Is.Null);
        Assert.That(error, Does.Contain("--service-name-form needs full or short"));
    }

    /// <summary>The referenced emulator project is copied next to the tests, with its runtime config.</summary>
    private static string EmulatorDll()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "otc-emulator.dll");
        Assert.That(File.Exists(Path.Combine(AppContext.BaseDirectory, "otc-emulator.runtimeconfig.json")), Is.True, "emulator runtime config next to the tests");
        return path;
    }
}
