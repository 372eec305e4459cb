from beskplan.cli import main

main()
