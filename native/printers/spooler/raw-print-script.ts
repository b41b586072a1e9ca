/**
 * The PowerShell script behind escpos+spooler:// (Windows PowerShell 5.1, present on every Windows 10/11): winspool's
 * OpenPrinterW, StartDocPrinterW with datatype "RAW" (the driver passes the bytes through untouched), WritePrinter,
 * EndDocPrinter, called through Add-Type. It is sent as -EncodedCommand, so no file has to be shipped beside the
 * app and nothing the user typed is ever parsed by PowerShell: the printer name and title come in environment
 * variables, the job's bytes on stdin. It answers in JSON lines on stdout:
 *   {"type":"open","job":N}                     the spooler made job N and takes bytes
 *   {"type":"written","total":N}                after each WritePrinter: bytes the spooler took so far
 *   {"type":"done","total":N,"job":N}           EndDocPrinter succeeded: the job is complete in the queue
 *   {"type":"error","stage":"open|start|write|end","code":W,"message":"..."}   W: the Win32 error (1801: no such printer)
 */
export const SPOOLER_PRINTER_ENV = 'MOTCUA_SPOOLER_PRINTER';
export const SPOOLER_TITLE_ENV = 'MOTCUA_SPOOLER_TITLE';

export const RAW_PRINT_SCRIPT = String.raw`$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false
Add-Type -TypeDefinition @'
using System;
using System.Runtime.InteropServices;
public static class MotCuaRawPrinter {
    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    public class DOCINFO {
        [MarshalAs(UnmanagedType.LPWStr)] public string pDocName;
        [MarshalAs(UnmanagedType.LPWStr)] public string pOutputFile;
        [MarshalAs(UnmanagedType.LPWStr)] public string pDatatype;
    }
    [DllImport("winspool.drv", EntryPoint = "OpenPrinterW", SetLastError = true, CharSet = CharSet.Unicode)]
    public static extern bool OpenPrinter(string pPrinterName, out IntPtr phPrinter, IntPtr pDefault);
    [DllImport("winspool.drv", EntryPoint = "ClosePrinter", SetLastError = true)]
    public static extern bool ClosePrinter(IntPtr hPrinter);
    [DllImport("winspool.drv", EntryPoint = "StartDocPrinterW", SetLastError = true, CharSet = CharSet.Unicode)]
    public static extern int StartDocPrinter(IntPtr hPrinter, int level, [In] DOCINFO pDocInfo);
    [DllImport("winspool.drv", EntryPoint = "EndDocPrinter", SetLastError = true)]
    public static extern bool EndDocPrinter(IntPtr hPrinter);
    [DllImport("winspool.drv", EntryPoint = "StartPagePrinter", SetLastError = true)]
    public static extern bool StartPagePrinter(IntPtr hPrinter);
    [DllImport("winspool.drv", EntryPoint = "EndPagePrinter", SetLastError = true)]
    public static extern bool EndPagePrinter(IntPtr hPrinter);
    [DllImport("winspool.drv", EntryPoint = "WritePrinter", SetLastError = true)]
    public static extern bool WritePrinter(IntPtr hPrinter, byte[] pBytes, int dwCount, out int dwWritten);
    [DllImport("winspool.drv", EntryPoint = "AbortPrinter", SetLastError = true)]
    public static extern bool AbortPrinter(IntPtr hPrinter);
    public static int LastError() { return Marshal.GetLastWin32Error(); }
}
'@

function Emit($obj) {
    [Console]::Out.WriteLine(($obj | ConvertTo-Json -Compress))
    [Console]::Out.Flush()
}

$script:handle = [IntPtr]::Zero
$script:docOpen = $false

function Fail([string]$stage) {
    # Read first: any later call may overwrite the thread's last error.
    $code = [MotCuaRawPrinter]::LastError()
    $message = (New-Object System.ComponentModel.Win32Exception $code).Message
    if ($script:docOpen) { [void][MotCuaRawPrinter]::AbortPrinter($script:handle) }
    if ($script:handle -ne [IntPtr]::Zero) { [void][MotCuaRawPrinter]::ClosePrinter($script:handle) }
    Emit @{ type = 'error'; stage = $stage; code = $code; message = $message }
    exit 1
}

$name = $env:MOTCUA_SPOOLER_PRINTER
$title = $env:MOTCUA_SPOOLER_TITLE
if ([string]::IsNullOrEmpty($title)) { $title = 'MotCua Desk' }

$h = [IntPtr]::Zero
if (-not [MotCuaRawPrinter]::OpenPrinter($name, [ref]$h, [IntPtr]::Zero)) { Fail 'open' }
$script:handle = $h

$doc = New-Object MotCuaRawPrinter+DOCINFO
$doc.pDocName = $title
$doc.pDatatype = 'RAW'
$job = [MotCuaRawPrinter]::StartDocPrinter($h, 1, $doc)
if ($job -le 0) { Fail 'start' }
$script:docOpen = $true
if (-not [MotCuaRawPrinter]::StartPagePrinter($h)) { Fail 'start' }
Emit @{ type = 'open'; job = $job }

$stdin = [Console]::OpenStandardInput()
$buffer = New-Object byte[] 65536
$total = 0
while (($n = $stdin.Read($buffer, 0, $buffer.Length)) -gt 0) {
    $offset = 0
    while ($offset -lt $n) {
        $part = $buffer
        if ($offset -gt 0) {
            $part = New-Object byte[] ($n - $offset)
            [Array]::Copy($buffer, $offset, $part, 0, $n - $offset)
        }
        $written = 0
        if (-not [MotCuaRawPrinter]::WritePrinter($h, $part, $n - $offset, [ref]$written)) { Fail 'write' }
        if ($written -le 0) { Fail 'write' }
        $offset += $written
        $total += $written
        Emit @{ type = 'written'; total = $total }
    }
}

if (-not [MotCuaRawPrinter]::EndPagePrinter($h)) { Fail 'end' }
if (-not [MotCuaRawPrinter]::EndDocPrinter($h)) { Fail 'end' }
$script:docOpen = $false
[void][MotCuaRawPrinter]::ClosePrinter($h)
Emit @{ type = 'done'; total = $total; job = $job }
exit 0
`;

/** powershell.exe arguments running the script (-EncodedCommand: base64 of its UTF-16LE text). */
export function rawPrintArgs(): string[] {
  const encoded = Buffer.from(RAW_PRINT_SCRIPT, 'utf16le').toString('base64');
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded];
}
