using System.Net;
using System.Text.RegularExpressions;
using Fifo.Admin.Tests.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;

namespace Fifo.Admin.Tests.Security;

/// <summary>The app with a configured login, on Kestrel: pages, hub and form posts as a browser or program sees them.</summary>
public sealed partial class LoginTests(LoginAppFixture fixture) : IClassFixture<LoginAppFixture>
{
    private readonly AdminAppHost _app = fixture.App;

    [Theory]
    [InlineData("/", "/login?returnUrl=%2F")]
    [InlineData("/leaderboard", "/login?returnUrl=%2Fleaderboard")]
    [InlineData("/runs/abc", "/login?returnUrl=%2Fruns%2Fabc")]
    public async Task Pages_send_anonymous_visitors_to_the_login_page(string page, string login)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(login, response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_hub_refuses_anonymous_clients_with_401()
    {
        using var client = _app.CreateClient();
        var negotiate = await client.PostAsync("hubs/backfill/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        await using var hub = _app.CreateHubConnection();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Theory]
    [InlineData("app.css")]
    [InlineData("js/fifo.js")]
    [InlineData("_framework/blazor.web.js")]
    [InlineData("_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("login")]
    public async Task The_login_page_and_its_assets_need_no_login(string path)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_rejected()
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsync("account/login", Form(TestSettings.User, TestSettings.Password, token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_wrong_password_goes_back_to_the_login_page_with_an_error()
    {
        using var client = _app.CreateClient();
        var token = await AntiforgeryTokenAsync(client);

        var response = await client.PostAsync("account/login", Form(TestSettings.User, "wrong", token, "/wallet"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?error=1&returnUrl=%2Fwallet", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("Wrong user name or password.", await client.GetStringAsync(response.Headers.Location.OriginalString));
    }

    [Fact]
    public async Task Logging_in_opens_the_pages_and_the_hub_and_logging_out_closes_them()
    {
        var cookies = new CookieContainer();
        using var client = _app.CreateClient(cookies);
        var token = await AntiforgeryTokenAsync(client);

        var login = await client.PostAsync("account/login", Form(TestSettings.User, TestSettings.Password, token, "/leaderboard"));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/leaderboard", login.Headers.Location!.OriginalString);
        var cookie = cookies.GetCookies(_app.BaseAddress)["fifo.admin"]!;
        Assert.True(cookie.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        await using (var hub = _app.CreateHubConnection(cookies))
        {
            await hub.StartAsync();
            Assert.Equal(HubConnectionState.Connected, hub.State);
        }

        var logout = await client.PostAsync("account/logout", Form(null, null, await AntiforgeryTokenAsync(client)));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Logging_out_needs_the_antiforgery_token()
    {
        var cookies = new CookieContainer();
        using var client = _app.CreateClient(cookies);
        await client.PostAsync("account/login", Form(TestSettings.User, TestSettings.Password, await AntiforgeryTokenAsync(client)));

        var response = await client.PostAsync("account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("login");
        return TokenInput().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The login page has no antiforgery token.");
    }

    private static FormUrlEncodedContent Form(string? user, string? password, string? token, string returnUrl = "/")
    {
        var fields = new List<KeyValuePair<string, string>> { new("returnUrl", returnUrl) };
        if (user is not null)
            fields.Add(new("user", user));
        if (password is not null)
            fields.Add(new("password", password));
        if (token is not null)
            fields.Add(new("__RequestVerificationToken", token));
        return new FormUrlEncodedContent(fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
