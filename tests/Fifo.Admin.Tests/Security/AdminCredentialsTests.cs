using Fifo.Admin.Security;
using Microsoft.Extensions.Options;
using Xunit;

namespace Fifo.Admin.Tests.Security;

public sealed class AdminCredentialsTests
{
    private static readonly string Hash = AdminCredentials.HashPassword("correct horse");

    [Theory]
    [InlineData("admin", "correct horse", true)]
    [InlineData("admin", "correct horse ", false)]
    [InlineData("Admin", "correct horse", false)]
    [InlineData("", "correct horse", false)]
    [InlineData("admin", "", false)]
    [InlineData(null, "correct horse", false)]
    public void Verifies_user_and_password(string? user, string password, bool ok)
    {
        var credentials = new AdminCredentials(new Monitor(new AdminLoginOptions { User = "admin", PasswordHash = Hash }));

        Assert.Equal(ok, credentials.Verify(user, password));
    }

    [Fact]
    public void Nothing_verifies_without_a_configured_login() =>
        Assert.False(new AdminCredentials(new Monitor(new AdminLoginOptions())).Verify("", ""));

    [Fact]
    public void The_hash_is_salted_pbkdf2_not_the_password()
    {
        var again = AdminCredentials.HashPassword("correct horse");

        Assert.NotEqual(Hash, again);
        Assert.DoesNotContain("correct", Hash);
        Assert.True(AdminCredentials.IsWellFormedHash(Hash));
        Assert.Equal(0x01, Convert.FromBase64String(Hash)[0]);
    }

    [Theory]
    [InlineData("admin", "", "Admin:PasswordHash is empty")]
    [InlineData("", "HASH", "Admin:User is empty")]
    [InlineData("admin", "plain-password", "is not a password hash")]
    public void Rejects_half_or_plain_configuration(string user, string hash, string message)
    {
        var result = new AdminLoginOptionsValidator().Validate(null, new AdminLoginOptions { User = user, PasswordHash = hash == "HASH" ? Hash : hash });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
    }

    [Fact]
    public void Accepts_no_login_or_a_full_one()
    {
        var validator = new AdminLoginOptionsValidator();

        Assert.True(validator.Validate(null, new AdminLoginOptions()).Succeeded);
        Assert.True(validator.Validate(null, new AdminLoginOptions { User = "admin", PasswordHash = Hash }).Succeeded);
    }

    [Fact]
    public void Hash_password_command_prints_a_verifiable_hash()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = HashPasswordCommand.Run(new StringReader("s3cret\n"), output, error, interactive: false);

        Assert.Equal(0, exitCode);
        var credentials = new AdminCredentials(new Monitor(new AdminLoginOptions { User = "ops", PasswordHash = output.ToString().Trim() }));
        Assert.True(credentials.Verify("ops", "s3cret"));
        Assert.Equal(2, HashPasswordCommand.Run(new StringReader("\n"), output, error, interactive: false));
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/wallet/0xabc", true)]
    [InlineData("//evil.example.com", false)]
    [InlineData("/\\evil.example.com", false)]
    [InlineData("https://evil.example.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Return_urls_stay_on_this_site(string? url, bool local) => Assert.Equal(local, AccountEndpoints.IsLocalUrl(url));

    private sealed class Monitor(AdminLoginOptions value) : IOptionsMonitor<AdminLoginOptions>
    {
        public AdminLoginOptions CurrentValue => value;
        public AdminLoginOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<AdminLoginOptions, string?> listener) => null;
    }
}
