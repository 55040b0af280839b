Attribute VB_Name = "LmButtons"
' lm-excel: the buttons on the Start sheet.
'
' Each button runs one small Sub below. The Sub first checks what Excel can check by itself
' (the workbook is saved in a folder on this computer, Python can be found), then hands over to
' Python through xlwings' RunPython. The Python side is lm_excel/xl.py, which reads the workbook,
' does the work and writes the results back; its problems come back as a plain message box.
'
' This module is built into the workbook by "lm-excel new NAME.xlsm", together with the xlwings
' VBA module of the installed xlwings package. Source: macros/ in the lm-excel project.
Option Explicit

Private Const TOOL As String = "lm-excel"
Private Const HELP_TEXT As String = "See 'Using the buttons in Excel' in the lm-excel README, or ask your IT contact to run: lm-excel excel-setup"

Public Sub LmCheck()
    If Not ReadyToRun("Check") Then Exit Sub
    Application.StatusBar = TOOL & ": checking the logic model..."
    RunPython "import lm_excel.xl as xl; xl.validate()"
    Application.StatusBar = False
End Sub

Public Sub LmBuildMeasuresPlan()
    If Not ReadyToRun("Build measures plan") Then Exit Sub
    Application.StatusBar = TOOL & ": building the measures plan..."
    RunPython "import lm_excel.xl as xl; xl.measures_plan()"
    Application.StatusBar = False
End Sub

Public Sub LmCreateWordReport()
    If Not ReadyToRun("Create Word report") Then Exit Sub
    Application.StatusBar = TOOL & ": writing the Word report..."
    RunPython "import lm_excel.xl as xl; xl.word_report()"
    Application.StatusBar = False
End Sub

' True when the action can be handed to Python; otherwise says why in a message box.
Private Function ReadyToRun(action As String) As Boolean
    ReadyToRun = False
    If ThisWorkbook.Path = "" Then
        MsgBox "This workbook has not been saved yet." & vbNewLine & vbNewLine & _
               "Save it first (File > Save As > Excel Macro-Enabled Workbook) in a folder on this " & _
               "computer, then press '" & action & "' again.", vbExclamation, TOOL
        Exit Function
    End If
    If InStr(1, ThisWorkbook.FullName, "://") > 0 And Not OneDriveConfigured() Then
        MsgBox "This workbook is open from OneDrive or SharePoint (a web address), so Python cannot find it." & _
               vbNewLine & vbNewLine & _
               "Open it from a folder on this computer instead: sync the OneDrive or SharePoint folder " & _
               "(or save a copy in Documents), open the copy from File Explorer or Finder, and press '" & _
               action & "' again." & vbNewLine & vbNewLine & HELP_TEXT, vbExclamation, TOOL
        Exit Function
    End If
    #If Mac Then
        ' On a Mac, xlwings itself explains a missing 'xlwings runpython install'.
    #Else
        If Not PythonFound() Then Exit Function
    #End If
    ReadyToRun = True
End Function

Private Function OneDriveConfigured() As Boolean
    #If Mac Then
        OneDriveConfigured = (GetConfig("ONEDRIVE_CONSUMER_MAC") & GetConfig("ONEDRIVE_COMMERCIAL_MAC") & _
                              GetConfig("SHAREPOINT_MAC")) <> ""
    #Else
        OneDriveConfigured = (GetConfig("ONEDRIVE_CONSUMER_WIN") & GetConfig("ONEDRIVE_COMMERCIAL_WIN") & _
                              GetConfig("SHAREPOINT_WIN")) <> ""
    #End If
End Function

' Windows: the interpreter named in xlwings.conf exists, or "python" is on the PATH and is not
' the Microsoft Store placeholder.
Private Function PythonFound() As Boolean
    Dim interpreter As String, listing As String, shell As Object, tmp As String, fileNo As Integer
    PythonFound = False
    interpreter = GetConfig("INTERPRETER_WIN", "")
    If interpreter = "" Then interpreter = GetConfig("INTERPRETER", "python")
    If interpreter <> "python" And interpreter <> "pythonw" Then
        If Not FileExists(interpreter) Then
            MsgBox "Python was not found at" & vbNewLine & interpreter & vbNewLine & vbNewLine & _
                   "That path is set as INTERPRETER_WIN in xlwings.conf (next to this workbook, or in " & _
                   "your user folder's .xlwings folder). Correct it to the python.exe where lm-excel " & _
                   "is installed." & vbNewLine & vbNewLine & HELP_TEXT, vbCritical, TOOL
            Exit Function
        End If
        PythonFound = True
        Exit Function
    End If
    On Error GoTo CannotTell
    tmp = Environ("TEMP") & "\lm-excel-where-python.txt"
    Set shell = CreateObject("WScript.Shell")
    shell.Run "cmd.exe /C where python > """ & tmp & """ 2>&1", 0, True
    fileNo = FreeFile
    Open tmp For Input As #fileNo
    If LOF(fileNo) > 0 Then listing = Input$(LOF(fileNo), #fileNo)
    Close #fileNo
    Kill tmp
    On Error GoTo 0
    If InStr(1, listing, "python.exe", vbTextCompare) = 0 Then
        MsgBox "Python was not found on this computer." & vbNewLine & vbNewLine & _
               "Install Python 3.11 or newer from python.org (tick 'Add python.exe to PATH'), then " & _
               "run: pip install lm-excel" & vbNewLine & _
               "If Python is installed somewhere else, set its path as INTERPRETER_WIN in " & _
               "xlwings.conf." & vbNewLine & vbNewLine & HELP_TEXT, vbCritical, TOOL
        Exit Function
    End If
    If InStr(1, Split(listing, vbNewLine)(0), "\WindowsApps\", vbTextCompare) > 0 Then
        MsgBox "The 'python' found first on this computer is the Microsoft Store shortcut, which " & _
               "cannot run the buttons." & vbNewLine & vbNewLine & _
               "Install Python from python.org, or set the full path of your python.exe as " & _
               "INTERPRETER_WIN in xlwings.conf." & vbNewLine & vbNewLine & HELP_TEXT, vbCritical, TOOL
        Exit Function
    End If
    PythonFound = True
    Exit Function
CannotTell:
    ' Could not run the check (e.g. blocked by policy): let xlwings try and report.
    PythonFound = True
End Function

' True when a file is at this path. A malformed path (a stray quote or bad character in
' INTERPRETER_WIN) makes Dir raise an error; inside this handler that means "not found", so the
' user gets the message that names the setting to correct instead of a VBA error box.
Private Function FileExists(path As String) As Boolean
    FileExists = False
    On Error GoTo NotThere
    If Len(path) = 0 Then Exit Function
    FileExists = (Dir(path) <> "")
NotThere:
End Function
