using System.Text.Json.Serialization;
using Fifo.Admin.Components.Pages.Settings;
using Fifo.Admin.Hubs;
using Fifo.Admin.Jobs;
using Fifo.Admin.Live;
using Fifo.Admin.Reports;
using Fifo.Admin.Security;
using Fifo.Admin.Startup;
using Fifo.Backfill;
using Fifo.Core.Backfill;
using BackfillOptions = Fifo.Core.Options.BackfillOptions;
using Fifo.Embedded;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Quartz;

namespace Fifo.Admin.Extensions;

/// <summary>Everything the admin console registers; Program.cs calls <see cref="AddFifoAdmin"/> and nothing else.</summary>
public static class AdminServiceExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddFifoAdmin(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Listen on loopback only unless told otherwise (Urls / ASPNETCORE_URLS / --urls / Kestrel endpoints).
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]) && !configuration.GetSection("Kestrel:Endpoints").Exists())
            builder.WebHost.UseUrls(DefaultUrl);
        // Package and framework assets (MudBlazor, blazor.web.js) resolve from the build's manifest in every
        // environment, so `dotnet run -c Release` works without publishing; a published app has none and skips this.
        builder.WebHost.UseStaticWebAssets();

        services.AddClickHouseEndpoint(configuration);
        services.AddFifoEngine(configuration);
        // The embedded engine's relative data directory is relative to the content root (the repo), not to
        // wherever the process was started from. An empty one stays empty for the validator to refuse at start:
        // resolved, it would be the repo root itself.
        services.PostConfigure<EmbeddedOptions>(o =>
        {
            if (!string.IsNullOrWhiteSpace(o.DataDir))
                o.DataDir = Path.GetFullPath(o.DataDir, builder.Environment.ContentRootPath);
        });
        // Validators exist only with the embedded engine, so a configured server is not held to these options.
        services.AddOptions<EmbeddedOptions>().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddAdminSecurity();
        services.AddDatabaseStartup();
        services.AddLiveUpdates();
        services.AddBackfillJobs(configuration);
        services.AddSingleton<LatestValidationReport>();
        services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.Section)
            .Validate(o => o.MaxBytes > 0, $"{UploadOptions.Section}:{nameof(UploadOptions.MaxBytes)} must be positive.")
            .ValidateOnStart();

        services.AddRazorComponents()
            .AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
            o.SnackbarConfiguration.PreventDuplicates = false;
        });
        return builder;
    }

    private static IServiceCollection AddAdminSecurity(this IServiceCollection services)
    {
        services.AddOptions<AdminLoginOptions>().BindConfiguration(AdminLoginOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminLoginOptions>, AdminLoginOptionsValidator>();
        services.AddSingleton<AdminCredentials>();
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<IAuthorizationHandler, AdminAccessHandler>();
        services.AddHostedService<ListenAddressGuard>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "fifo.admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.LoginPath = AccountEndpoints.LoginPage;
            o.AccessDeniedPath = AccountEndpoints.LoginPage;
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnRedirectToLogin = context =>
            {
                // Programs (hub clients) get a status code, browsers the login page.
                if (context.Request.Path.StartsWithSegments("/hubs"))
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else
                    context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AdminLoginOptions>>((cookie, login) => cookie.ExpireTimeSpan = login.Value.SessionLifetime);

        // Every endpoint without its own rule (pages, the Blazor circuit, the hub) needs AdminAccessRequirement.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().AddRequirements(new AdminAccessRequirement()).Build());
        services.AddCascadingAuthenticationState();
        return services;
    }

    private static IServiceCollection AddDatabaseStartup(this IServiceCollection services)
    {
        services.AddOptions<FirstStartOptions>().BindConfiguration(FirstStartOptions.Section)
            .Validate(o => o.DemoFills >= 0 && o.DemoWallets >= 1 && o.DemoMarkets >= 1,
                $"{FirstStartOptions.Section}: {nameof(FirstStartOptions.DemoFills)} must be >= 0, {nameof(FirstStartOptions.DemoWallets)} and {nameof(FirstStartOptions.DemoMarkets)} >= 1.")
            .ValidateOnStart();
        services.AddSingleton<DatabaseStatus>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        return services;
    }

    private static IServiceCollection AddLiveUpdates(this IServiceCollection services)
    {
        services.AddOptions<LiveFeedOptions>().BindConfiguration(LiveFeedOptions.Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.MaxBatchEventsPerUpdate > 0 && o.RecentBatches > 0 && o.ThroughputPoints > 1 && o.ThroughputSample > TimeSpan.Zero,
                $"{LiveFeedOptions.Section}: {nameof(LiveFeedOptions.Interval)} and {nameof(LiveFeedOptions.ThroughputSample)} must be positive, the counts at least 1 (2 points).")
            .ValidateOnStart();
        services.AddSingleton<BackfillLiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<BackfillLiveFeed>());
        services.AddHostedService<BackfillHubBroadcaster>();
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    private static IServiceCollection AddBackfillJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var cron = configuration.GetSection(BackfillOptions.Section)[nameof(BackfillOptions.IncrementalCron)]?.Trim() ?? "";
        if (cron.Length > 0 && !CronExpression.TryParse(cron, out _))
        {
            throw new OptionsValidationException(BackfillOptions.Section, typeof(BackfillOptions),
                [$"{BackfillOptions.Section}:{nameof(BackfillOptions.IncrementalCron)} '{cron}' is not a Quartz cron expression (e.g. '0 0 * * * ?' runs hourly; empty turns the schedule off)."]);
        }

        services.AddQuartz(q =>
        {
            // On shutdown the running job's token is cancelled, and the host waits while the run records where it stopped.
            q.ConfigureScheduler(s => s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            q.AddJob<BackfillJob>(job => job.WithIdentity(BackfillJob.Key).StoreDurably(true)
                .WithDescription("A backfill run: manual start/resume/retry or the incremental schedule"));
            if (cron.Length > 0)
            {
                q.AddTrigger<BackfillJob>(trigger => trigger
                    .WithIdentity("incremental-schedule", BackfillJob.Key.Group)
                    .ForJob(BackfillJob.Key)
                    .UsingJobData(BackfillJobData.Scheduled(BackfillMode.Incremental))
                    .WithCronSchedule(cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
            }
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<BackfillStartCheck>();
        services.AddSingleton<BackfillLauncher>();
        return services;
    }
}
