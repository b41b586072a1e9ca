# MotCua Desk: the WIA helper behind native/scanners/windows/wia-backend.ts (Windows Image Acquisition through the
# WIA Automation Library that ships with Windows). One request in, JSON lines out, one object per line:
#   {"type":"device","id":...,"name":...}          (list)
#   {"type":"caps","sources":[...],"resolutions":[...],"colorModes":[...],"maxWidthMm":..,"maxHeightMm":..}
#   {"type":"page","index":n,"file":"...\page-0001.png"}   each page written whole before its line (scan)
#   {"type":"error","hresult":"0x80210002","message":...}  the device's HRESULT; the TypeScript side maps it
#   {"type":"done","pages":n}
# The request is base64 of UTF-8 JSON, so no device id or folder name ever needs quoting on a command line.
param([Parameter(Mandatory = $true)][string]$Request)

$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false
$req = [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Request)) | ConvertFrom-Json

$PNG = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}'
# Device properties (WiaDef.h): document handling capabilities/select, pages, bed and sheet-feed sizes (1/1000 inch).
$DPS_DH_CAPABILITIES = 3086; $DPS_DH_SELECT = 3088; $DPS_PAGES = 3096
$DPS_BED_W = 3074; $DPS_BED_H = 3075; $DPS_FEED_W = 3076; $DPS_FEED_H = 3077
$FEEDER = 1; $FLATBED = 2; $DUPLEX = 4
# Item properties: intent (1 colour, 2 grey, 4 text), resolutions, data type (0 bilevel, 2 grey, 3 colour).
$IPS_CUR_INTENT = 6146; $IPS_XRES = 6147; $IPS_YRES = 6148; $IPA_DATATYPE = 4103

function Emit($obj) {
  [Console]::Out.WriteLine(($obj | ConvertTo-Json -Compress -Depth 4))
  [Console]::Out.Flush()
}

function HResultOf($err) {
  $e = $err.Exception
  while ($null -ne $e) {
    if ($e -is [System.Runtime.InteropServices.COMException]) { return '0x{0:X8}' -f $e.ErrorCode }
    $e = $e.InnerException
  }
  return '0x{0:X8}' -f $err.Exception.HResult
}

function Prop($props, [int]$id) {
  foreach ($p in $props) { if ($p.PropertyID -eq $id) { return $p } }
  return $null
}

# Optional properties (page count, intent) are read-only on some drivers: skipping them is better than no scan.
function SetProp($props, [int]$id, $value, [switch]$Optional) {
  $p = Prop $props $id
  if ($null -eq $p) { return }
  try { $p.Value = $value } catch { if (-not $Optional) { throw } }
}

function FindDevice([string]$id) {
  $manager = New-Object -ComObject WIA.DeviceManager
  foreach ($info in $manager.DeviceInfos) {
    if ($info.DeviceID -eq $id) { return $info.Connect() }
  }
  # WIA_S_NO_DEVICE_AVAILABLE: the scanner is unplugged or off.
  Emit @{ type = 'error'; hresult = '0x80210015'; message = "device $id not found" }
  exit 0
}

try {
  switch ($req.command) {
    'list' {
      $manager = New-Object -ComObject WIA.DeviceManager
      foreach ($info in $manager.DeviceInfos) {
        if ($info.Type -ne 1) { continue } # 1: scanner
        Emit @{ type = 'device'; id = $info.DeviceID; name = [string]$info.Properties.Item('Name').Value }
      }
    }
    'caps' {
      $device = FindDevice $req.device
      $item = $device.Items.Item(1)
      $caps = Prop $device.Properties $DPS_DH_CAPABILITIES
      $flags = if ($null -ne $caps) { [int]$caps.Value } else { $FLATBED }
      $sources = @()
      if ($flags -band $FLATBED) { $sources += 'flatbed' }
      if ($flags -band $FEEDER) { $sources += 'adf' }
      if (($flags -band $FEEDER) -and ($flags -band $DUPLEX)) { $sources += 'adf-duplex' }
      $x = Prop $item.Properties $IPS_XRES
      $res = @()
      if ($null -ne $x -and $x.SubType -eq 2) { $res = @($x.SubTypeValues | ForEach-Object { [int]$_ }) }
      elseif ($null -ne $x -and $x.SubType -eq 1) { foreach ($r in 75, 100, 150, 200, 300, 400, 600, 1200) { if ($r -ge $x.SubTypeMin -and $r -le $x.SubTypeMax) { $res += $r } } }
      $w = Prop $device.Properties $DPS_BED_W; $h = Prop $device.Properties $DPS_BED_H
      if ($null -eq $w) { $w = Prop $device.Properties $DPS_FEED_W; $h = Prop $device.Properties $DPS_FEED_H }
      $out = @{ type = 'caps'; sources = $sources; resolutions = $res; colorModes = @('bw', 'gray', 'color') }
      if ($null -ne $w -and $null -ne $h) { $out.maxWidthMm = [double]$w.Value * 0.0254; $out.maxHeightMm = [double]$h.Value * 0.0254 }
      Emit $out
    }
    'scan' {
      $device = FindDevice $req.device
      $select = switch ($req.source) { 'flatbed' { $FLATBED } 'adf' { $FEEDER } 'adf-duplex' { $FEEDER + $DUPLEX } }
      SetProp $device.Properties $DPS_DH_SELECT $select
      SetProp $device.Properties $DPS_PAGES 1 -Optional
      $item = $device.Items.Item(1)
      $intent = switch ($req.color) { 'color' { 1 } 'gray' { 2 } default { 4 } }
      $type = switch ($req.color) { 'color' { 3 } 'gray' { 2 } default { 0 } }
      SetProp $item.Properties $IPS_CUR_INTENT $intent -Optional
      SetProp $item.Properties $IPA_DATATYPE $type
      SetProp $item.Properties $IPS_XRES ([int]$req.dpi)
      SetProp $item.Properties $IPS_YRES ([int]$req.dpi)
      # Every driver hands over its default (usually BMP); WIA's own filter makes it PNG (lossless, carries the dpi).
      $convert = New-Object -ComObject WIA.ImageProcess
      $convert.Filters.Add($convert.FilterInfos.Item('Convert').FilterID)
      $convert.Filters.Item(1).Properties.Item('FormatID').Value = $PNG
      $n = 0
      while ($true) {
        try {
          $image = $item.Transfer()
        } catch {
          # The feeder running out after some pages is how a batch ends; the TypeScript side decides.
          Emit @{ type = 'error'; hresult = (HResultOf $_); message = $_.Exception.Message }
          break
        }
        $n += 1
        $file = Join-Path $req.outDir ('page-{0:D4}.png' -f $n)
        $part = "$file.part"
        if ($image.FormatID -ne $PNG) { $image = $convert.Apply($image) }
        $image.SaveFile($part)
        Move-Item -LiteralPath $part -Destination $file
        Emit @{ type = 'page'; index = $n; file = $file }
        if ($req.source -eq 'flatbed') { break }
      }
      Emit @{ type = 'done'; pages = $n }
    }
    default { throw "unknown command $($req.command)" }
  }
} catch {
  Emit @{ type = 'error'; hresult = (HResultOf $_); message = $_.Exception.Message }
  exit 1
}
