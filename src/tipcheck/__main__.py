from tipcheck.cli import main

main()
