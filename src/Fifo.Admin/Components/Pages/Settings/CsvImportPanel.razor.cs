using Fifo.Admin.Components.Shared;
using Fifo.ClickHouse.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace Fifo.Admin.Components.Pages.Settings;

/// <summary>
/// Copies the upload to a temporary file (showing upload progress), then hands it to <see cref="CsvImporter"/>
/// (showing rows imported). Bad input comes back as the importer's message: file, line, column and reason.
/// </summary>
public partial class CsvImportPanel : AdminPageBase
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);

    private ImportTarget _target = ImportTarget.Fills;
    private IBrowserFile? _file;
    private bool _busy;
    private long _uploaded;
    private ImportProgress? _progress;
    private ImportResult? _result;

    [Parameter]
    public EventCallback Imported { get; set; }

    [Inject]
    private CsvImporter Importer { get; set; } = default!;

    [Inject]
    private IOptions<UploadOptions> Uploads { get; set; } = default!;

    private long MaxUploadBytes => Uploads.Value.MaxBytes;

    private double UploadPercent => _progress is { TotalBytes: > 0 } p ? 100.0 * p.BytesRead / p.TotalBytes.Value
        : _file is { Size: > 0 } f ? 100.0 * _uploaded / f.Size : 0;

    private string Status => _progress is { } p
        ? $"{p.Phase}: {Format.Count(p.Rows)} rows ({Format.Compact(p.RowsPerSecond)} rows/s)"
        : $"Uploading: {Format.Compact(_uploaded)}B of {Format.Compact(_file?.Size ?? 0)}B";

    private void ChooseFile(IBrowserFile file)
    {
        _file = file;
        _result = null;
        Error = null;
    }

    private async Task ImportAsync()
    {
        if (_file is not { } file)
            return;
        _busy = true;
        _uploaded = 0;
        _progress = null;
        _result = null;
        var temp = Path.Combine(Path.GetTempPath(), $"fifo-upload-{Guid.NewGuid():N}.csv");
        try
        {
            var ok = await GuardAsync($"Import of {file.Name}", async ct =>
            {
                await UploadAsync(file, temp, ct);
                await using var stream = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                var progress = new Progress<ImportProgress>(p =>
                {
                    _progress = p;
                    StateHasChanged();
                });
                _result = await Importer.ImportAsync(_target, stream, file.Name, progress, ct);
            });
            if (ok)
                await Imported.InvokeAsync();
        }
        finally
        {
            File.Delete(temp);
            _busy = false;
        }
    }

    private async Task UploadAsync(IBrowserFile file, string path, CancellationToken cancellationToken)
    {
        await using var source = file.OpenReadStream(MaxUploadBytes, cancellationToken);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new byte[1 << 16];
        var lastRedraw = DateTime.UtcNow;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            _uploaded += read;
            if (DateTime.UtcNow - lastRedraw >= RedrawInterval)
            {
                lastRedraw = DateTime.UtcNow;
                StateHasChanged();
            }
        }
    }
}
