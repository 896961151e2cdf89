namespace Portal.Domain.SopImport;

/// <summary>One reason an imported SOP cannot be saved yet, in Indonesian; <see cref="Step"/> names the step it is about.</summary>
public sealed record SopImportProblem(int? Step, string Message)
{
    public override string ToString() => Step is { } number ? $"Langkah {number}: {Message}" : Message;
}

/// <summary>Everything that stops an imported SOP from being saved. Saving is allowed only when the list is empty.</summary>
public static class SopDraftProblems
{
    public const string NoSteps =
        "Tidak ada langkah yang ditemukan. Tabel SOP harus memiliki baris judul dengan kolom NO dan KEGIATAN, lalu langkah-langkah bernomor.";

    public const int MaxNomorLength = 60;
    public const int MaxJudulLength = 200;

    public static IReadOnlyList<SopImportProblem> List(SopDraft draft)
    {
        var problems = new List<SopImportProblem>();
        HeaderProblems(draft.Header, problems);
        if (draft.Steps.Count == 0)
        {
            problems.Add(new SopImportProblem(null, NoSteps));
            return problems;
        }
        PelaksanaProblems(draft, problems);
        StepProblems(draft, problems);
        return problems;
    }

    private static void HeaderProblems(SopDraftHeader header, List<SopImportProblem> problems)
    {
        void Add(string message) => problems.Add(new SopImportProblem(null, message));
        if (header.Nomor.Trim().Length == 0) Add("Nomor SOP tidak ditemukan; isi Nomor SOP (kode dokumen).");
        else if (header.Nomor.Trim().Length > MaxNomorLength) Add($"Nomor SOP paling banyak {MaxNomorLength} karakter.");
        if (header.Judul.Trim().Length == 0) Add("Nama SOP tidak ditemukan; isi nama SOP.");
        else if (header.Judul.Trim().Length > MaxJudulLength) Add($"Nama SOP paling banyak {MaxJudulLength} karakter.");
        DateProblem(header, SopDateField.Pembuatan, header.TanggalPembuatan, "Tanggal Pembuatan", problems);
        DateProblem(header, SopDateField.Revisi, header.TanggalRevisi, "Tanggal Revisi", problems);
        DateProblem(header, SopDateField.Efektif, header.TanggalEfektif, "Tanggal Efektif", problems);
    }

    private static void DateProblem(SopDraftHeader header, SopDateField field, DateOnly? date, string name, List<SopImportProblem> problems)
    {
        if (date is not null) return;
        problems.Add(new SopImportProblem(null, header.UnreadDates.TryGetValue(field, out var written)
            ? $"{name} \"{written}\" tidak dikenali; tulis seperti \"2 Januari 2024\" atau pilih tanggalnya."
            : $"{name} tidak ditemukan; pilih tanggalnya."));
    }

    private static void PelaksanaProblems(SopDraft draft, List<SopImportProblem> problems)
    {
        if (draft.Pelaksana.Count == 0)
        {
            problems.Add(new SopImportProblem(null, "Tabel tidak memiliki kolom Pelaksana; baris judul kedua harus menamai setiap pelaksana."));
            return;
        }
        for (var i = 0; i < draft.Pelaksana.Count; i++)
        {
            var name = draft.Pelaksana[i].Name.Trim();
            if (name.Length == 0)
                problems.Add(new SopImportProblem(null, $"Kolom pelaksana ke-{i + 1} tidak bernama; isi namanya."));
            else if (draft.Pelaksana.Take(i).Any(p => string.Equals(p.Name.Trim(), name, StringComparison.OrdinalIgnoreCase)))
                problems.Add(new SopImportProblem(null, $"Dua kolom pelaksana bernama \"{name}\"; setiap kolom harus bernama lain."));
            if (draft.Pelaksana[i].Level is null)
                problems.Add(new SopImportProblem(null, $"Kolom pelaksana \"{(name.Length > 0 ? name : $"ke-{i + 1}")}\": pilih tingkat jabatan yang mengerjakannya."));
        }
    }

    private static void StepProblems(SopDraft draft, List<SopImportProblem> problems)
    {
        var steps = draft.Steps;
        var duplicates = steps.GroupBy(s => s.Number).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var numbers = steps.Select(s => s.Number).ToHashSet();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            void Add(string message) => problems.Add(new SopImportProblem(step.Number, message));

            if (duplicates.Contains(step.Number))
            {
                if (steps.FindIndex(s => s.Number == step.Number) == i) Add("nomor langkah ganda; setiap langkah harus bernomor lain.");
            }
            else if (i > 0 && step.Number < steps[i - 1].Number)
                Add($"nomor langkah harus urut naik (sesudah langkah {steps[i - 1].Number}).");

            if (step.Activity.Trim().Length == 0) Add("kegiatan kosong.");
            if (step.ShortName.Trim().Length == 0) Add("nama singkat wajib diisi.");
            else if (step.ShortName.Trim().Length > SopFormText.ShortNameMaxLength) Add($"nama singkat paling banyak {SopFormText.ShortNameMaxLength} karakter.");
            if (step.Output.Trim().Length == 0) Add("output (Mutu Baku) kosong.");

            if (step.PelaksanaColumn is not { } column || column >= draft.Pelaksana.Count)
                Add("tidak ada pelaksana; pilih kolom pelaksananya.");
            else if (!step.HasSettledPelaksana)
                Add($"pastikan pelaksananya (usulan: {PelaksanaName(draft, column)}).");

            if (step.Waktu.Problem is { } waktu) Add(waktu);

            if (step.ReturnToStep is { } target)
            {
                if (step.Kind == StepKind.Work) Add("hanya langkah verifikasi atau persetujuan yang dapat mengembalikan.");
                else if (target >= step.Number) Add($"pengembalian ke langkah {target} tidak sah; tujuan pengembalian harus langkah sebelumnya.");
                else if (!numbers.Contains(target)) Add($"langkah {target} yang dituju pengembalian tidak ada.");
            }
        }
    }

    private static string PelaksanaName(SopDraft draft, int column) =>
        draft.Pelaksana[column].Name is { Length: > 0 } name ? name : $"kolom ke-{column + 1}";
}
