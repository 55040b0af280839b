Attribute VB_Name = "LmProbe"
' lm-excel: test that macros run in this workbook, without Python.
'
' Alt+F8 (Tools > Macro > Macros on a Mac), choose LmTestMacros, Run. If the cell below the
' buttons on the Start sheet then says that macros run, Excel is running this workbook's macros
' and any problem with the buttons is on the Python side (see lm-excel excel-setup).
' The automated tests run this Sub in LibreOffice to show that the built VBA project is readable.
Option Explicit

Public Sub LmTestMacros()
    ThisWorkbook.Worksheets("Start").Range("E10").Value = "Macros run in this workbook (tested " & _
        Format(Now, "yyyy-mm-dd hh:mm") & ")."
End Sub
