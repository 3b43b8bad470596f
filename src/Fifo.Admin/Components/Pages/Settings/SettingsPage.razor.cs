using Fifo.Admin.Components.Shared;
using Fifo.Admin.Security;
using Fifo.ClickHouse.Connection;
using Fifo.ClickHouse.Schema;
using Fifo.Core.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Fifo.Admin.Components.Pages.Settings;

/// <summary>Where the data is, what the schema looks like, and (embedded only) demo data and CSV import.</summary>
public partial class SettingsPage : AdminPageBase
{
    private DatabaseInfo? _info;
    private bool _loading;

    [Inject]
    private DatabaseInfoReader InfoReader { get; set; } = default!;

    [Inject]
    private IClickHouseEndpoint Endpoint { get; set; } = default!;

    [Inject]
    private AdminAccess Access { get; set; } = default!;

    [Inject]
    private IOptions<BackfillOptions> Backfill { get; set; } = default!;

    private string SchemaVersion => _info is null ? "–"
        : _info.SchemaVersion == _info.LatestSchemaVersion ? $"{_info.SchemaVersion} (latest)"
        : $"{_info.SchemaVersion} of {_info.LatestSchemaVersion}";

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        await GuardAsync("Reading the database", async ct => _info = await InfoReader.ReadAsync(ct));
        _loading = false;
        StateHasChanged();
    }
}
